package org.parallax.encode;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import org.parallax.ParallaxException;

/**
 * The initializers (weight tensors) of an ONNX model file, read from its protobuf encoding with protobuf-java's wire
 * reader: only the few fields of ONNX's schema needed to take a tensor out by name (ModelProto.graph,
 * GraphProto.initializer, TensorProto's dims, type, name and raw data), so no generated ONNX classes are needed.
 * {@link LowRankModel} takes MiniLM's weights this way from LangChain4j's model file.
 */
public final class OnnxInitializers {
  /** ONNX's TensorProto.DataType numbers used here. */
  public static final int FLOAT = 1;
  public static final int UINT8 = 2;
  public static final int INT8 = 3;

  private static final int MODEL_GRAPH = 7;
  private static final int GRAPH_INITIALIZER = 5;
  private static final int TENSOR_DIMS = 1;
  private static final int TENSOR_DATA_TYPE = 2;
  private static final int TENSOR_FLOAT_DATA = 4;
  private static final int TENSOR_INT32_DATA = 5;
  private static final int TENSOR_NAME = 8;
  private static final int TENSOR_RAW_DATA = 9;

  /** One tensor: its shape, ONNX data type and little-endian raw bytes (read-only). */
  public record Tensor(String name, int dataType, long[] dims, ByteBuffer raw) {
    /** The number of elements. */
    public long size() {
      long n = 1;
      for (long d : dims) {
        n *= d;
      }
      return n;
    }

    /** The values of a FLOAT tensor. */
    public float[] floats() {
      require(FLOAT);
      float[] out = new float[(int) size()];
      raw.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
      return out;
    }

    /** The values of an INT8 or UINT8 tensor, as ints (UINT8 unsigned). */
    public int[] ints() {
      if (dataType != INT8 && dataType != UINT8) {
        throw new ParallaxException("tensor " + name + " is not 8-bit (ONNX type " + dataType + ")");
      }
      ByteBuffer b = raw.duplicate();
      int[] out = new int[(int) size()];
      for (int i = 0; i < out.length; i++) {
        byte v = b.get();
        out[i] = dataType == UINT8 ? v & 0xff : v;
      }
      return out;
    }

    private void require(int type) {
      if (dataType != type) {
        throw new ParallaxException("tensor " + name + " has ONNX type " + dataType + ", not " + type);
      }
    }
  }

  private OnnxInitializers() {}

  /** Every initializer of the model whose file bytes are {@code model}, by name. */
  public static Map<String, Tensor> read(byte[] model) {
    try {
      CodedInputStream in = CodedInputStream.newInstance(model);
      Map<String, Tensor> out = new HashMap<>();
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        if (lengthDelimited(tag, MODEL_GRAPH)) {
          int limit = in.pushLimit(in.readRawVarint32());
          for (int g = in.readTag(); g != 0; g = in.readTag()) {
            if (lengthDelimited(g, GRAPH_INITIALIZER)) {
              int t = in.pushLimit(in.readRawVarint32());
              Tensor tensor = tensor(in);
              in.popLimit(t);
              out.put(tensor.name(), tensor);
            } else {
              in.skipField(g);
            }
          }
          in.popLimit(limit);
        } else {
          in.skipField(tag);
        }
      }
      return out;
    } catch (IOException e) {
      throw new ParallaxException("not a readable ONNX model: " + e.getMessage(), e);
    }
  }

  private static boolean lengthDelimited(int tag, int field) {
    return WireFormat.getTagFieldNumber(tag) == field
        && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED;
  }

  private static Tensor tensor(CodedInputStream in) throws IOException {
    String name = "";
    int type = 0;
    long[] dims = new long[0];
    ByteBuffer raw = null;
    java.io.ByteArrayOutputStream typed = new java.io.ByteArrayOutputStream(); // float_data or int32_data
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      int field = WireFormat.getTagFieldNumber(tag);
      boolean packed = WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED;
      if (field == TENSOR_DIMS || field == TENSOR_FLOAT_DATA || field == TENSOR_INT32_DATA) {
        int limit = packed ? in.pushLimit(in.readRawVarint32()) : -1;
        do {
          if (field == TENSOR_DIMS) {
            dims = append(dims, in.readInt64());
          } else if (field == TENSOR_FLOAT_DATA) {
            int bits = in.readRawLittleEndian32();
            typed.write(bits);
            typed.write(bits >>> 8);
            typed.write(bits >>> 16);
            typed.write(bits >>> 24);
          } else {
            typed.write(in.readInt32()); // 8-bit types: one value per int32
          }
        } while (packed && in.getBytesUntilLimit() > 0);
        if (packed) {
          in.popLimit(limit);
        }
      } else if (field == TENSOR_DATA_TYPE) {
        type = in.readInt32();
      } else if (field == TENSOR_NAME) {
        name = in.readString();
      } else if (field == TENSOR_RAW_DATA) {
        raw = in.readBytes().asReadOnlyByteBuffer();
      } else {
        in.skipField(tag);
      }
    }
    if (raw == null) { // the typed fields (small tensors); external data is not read here
      raw = ByteBuffer.wrap(typed.toByteArray()).asReadOnlyBuffer();
    }
    return new Tensor(name, type, dims, raw);
  }

  private static long[] append(long[] a, long v) {
    long[] out = java.util.Arrays.copyOf(a, a.length + 1);
    out[a.length] = v;
    return out;
  }
}
