package org.parallax.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.TaskCompletionListener;
import org.parallax.config.ParallaxConfig;
import org.parallax.ingest.Document;
import org.parallax.ingest.InputReader;
import org.parallax.model.Skipped;
import scala.Tuple2;

/**
 * Reads the inputs from any Hadoop filesystem path, in the order {@code parallax ingest} reads them (files by path,
 * records in file order). Parquet files are read by Spark ({@code id, text, html, title, outlet, url, date}
 * columns); every other file is copied by its task to local disk and read there by core's {@link InputReader}, so
 * JSON Lines (gzipped or not), WARC, RSS/Atom, text and HTML are read by exactly the code of the single-machine
 * mode, with the same messages for bad input. A file is one task: a gzip stream cannot be split anyway.
 */
final class Inputs {
  private Inputs() {}

  /** An input file and its size in bytes. */
  /**
   * An input file: {@code path} as Hadoop names it (qualified), {@code shown} as the user wrote it (what
   * {@code parallax ingest} would print for the same argument, so reports agree), its size in bytes.
   */
  record Input(String path, String shown, long bytes) implements java.io.Serializable {}

  /** Every readable file under the given paths, sorted as the single-machine reader walks them. */
  static List<Input> list(org.apache.hadoop.conf.Configuration conf, List<String> paths) throws IOException {
    List<Input> files = new ArrayList<>();
    for (String p : paths) {
      org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(p);
      FileSystem fs = path.getFileSystem(conf);
      FileStatus st = fs.getFileStatus(path);
      if (st.isFile()) {
        files.add(new Input(st.getPath().toString(), p, st.getLen()));
        continue;
      }
      List<Input> inDir = new ArrayList<>();
      String dir = st.getPath().toString();
      String shownDir = p.endsWith("/") && p.length() > 1 ? p.substring(0, p.length() - 1) : p;
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(path, true);
      while (it.hasNext()) {
        LocatedFileStatus f = it.next();
        if (!f.getPath().getName().startsWith(".") && !f.getPath().getName().startsWith("_")) {
          String file = f.getPath().toString();
          inDir.add(new Input(file, file.startsWith(dir) ? shownDir + file.substring(dir.length()) : file,
              f.getLen()));
        }
      }
      inDir.sort(Comparator.comparing(Input::path));
      files.addAll(inDir);
    }
    return files;
  }

  /** The items of every file, in input order across partitions (one partition per non-Parquet file). */
  static JavaRDD<Item> read(SparkSession spark, List<Input> files) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    HadoopConf conf = new HadoopConf(spark.sparkContext().hadoopConfiguration());
    List<JavaRDD<Item>> parts = new ArrayList<>();
    List<Tuple2<Long, Input>> run = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      Input f = files.get(i);
      if (f.path().toLowerCase(Locale.ROOT).endsWith(".parquet")) {
        if (!run.isEmpty()) {
          parts.add(readFiles(jsc, run, conf));
          run = new ArrayList<>();
        }
        parts.add(readParquet(spark, f, i));
      } else {
        run.add(new Tuple2<>((long) i, f));
      }
    }
    if (!run.isEmpty()) {
      parts.add(readFiles(jsc, run, conf));
    }
    JavaRDD<Item> all = parts.get(0);
    for (int i = 1; i < parts.size(); i++) {
      all = all.union(parts.get(i));
    }
    return all;
  }

  private static JavaRDD<Item> readFiles(JavaSparkContext jsc, List<Tuple2<Long, Input>> files, HadoopConf conf) {
    return jsc.parallelize(files, files.size()).flatMap(t -> readOne(t._1(), t._2(), conf));
  }

  /**
   * One file as a stream of items: copied next to the task and read by {@link InputReader} on a reader thread,
   * through a bounded queue, so a multi-gigabyte WARC never sits in memory whole. Local paths are replaced by the
   * original's.
   */
  static Iterator<Item> readOne(long fileIndex, Input file, HadoopConf conf) {
    org.apache.hadoop.fs.Path src = new org.apache.hadoop.fs.Path(file.path());
    String shown = file.shown();
    BlockingQueue<Item> queue = new ArrayBlockingQueue<>(QUEUE);
    Thread reader = new Thread(() -> {
      long[] n = {0};
      Path dir = null;
      try {
        dir = Files.createTempDirectory("parallax-spark-input-");
        Path local = dir.resolve(src.getName());
        src.getFileSystem(conf.get()).copyToLocalFile(false, src, new org.apache.hadoop.fs.Path(local.toUri()), true);
        String prefix = local.toString();
        new InputReader(ParallaxConfig.defaults()).stream(List.of(local),
            d -> put(queue, new Item(Item.key(fileIndex, n[0]++), relocate(d, prefix, shown), null)),
            s -> put(queue, new Item(Item.key(fileIndex, n[0]++), null,
                new Skipped(s.path().replace(prefix, shown), s.reason().replace(prefix, shown)))));
      } catch (Stopped e) {
        return;
      } catch (IOException | RuntimeException e) {
        put(queue, new Item(Item.key(fileIndex, n[0]++), null, new Skipped(shown, "cannot read: " + e.getMessage())));
      } finally {
        if (dir != null) {
          deleteTree(dir);
        }
      }
      put(queue, END);
    }, "parallax-read-" + src.getName());
    reader.setDaemon(true);
    reader.start();
    TaskContext task = TaskContext.get();
    if (task != null) {
      // A failed or cancelled task stops its reader instead of leaving it blocked on a full queue.
      task.addTaskCompletionListener((TaskCompletionListener) ctx -> reader.interrupt());
    }
    return new Iterator<>() {
      private Item next;

      @Override
      public boolean hasNext() {
        if (next == null) {
          try {
            next = queue.take();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + shown, e);
          }
        }
        return next != END;
      }

      @Override
      public Item next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Item it = next;
        next = null;
        return it;
      }
    };
  }

  private static final int QUEUE = 64;
  private static final Item END = new Item(-1, null, null);

  /** The reader thread was interrupted: its task is over. */
  private static final class Stopped extends RuntimeException {
    Stopped() {
      super(null, null, false, false);
    }
  }

  private static void put(BlockingQueue<Item> queue, Item item) {
    try {
      queue.put(item);
    } catch (InterruptedException e) {
      throw new Stopped();
    }
  }

  private static void deleteTree(Path dir) {
    try (var walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary folder left behind is not worth failing the task for.
    }
  }

  private static Document relocate(Document d, String prefix, String shown) {
    String path = d.path() == null ? null : d.path().replace(prefix, shown);
    return new Document(d.id(), path, d.format(), d.content(), d.title(), d.outlet(), d.url(), d.date(), d.notes(),
        d.fallbackDate(), d.topic());
  }

  private static JavaRDD<Item> readParquet(SparkSession spark, Input file, long fileIndex) {
    Dataset<Row> rows = spark.read().parquet(file.path());
    List<String> columns = List.of(rows.columns());
    String shown = file.shown();
    String base = new org.apache.hadoop.fs.Path(file.path()).getName().replaceFirst("\\.parquet$", "");
    return rows.javaRDD().zipWithIndex().map(t -> {
      Row r = t._1();
      long i = t._2();
      String where = shown + ":" + (i + 1);
      String text = col(r, columns, "text");
      String html = col(r, columns, "html");
      if ((text == null || text.isBlank()) && (html == null || html.isBlank())) {
        return new Item(Item.key(fileIndex, i), null, new Skipped(where, "row " + (i + 1)
            + ": no 'text' or 'html' column value"));
      }
      String id = col(r, columns, "id");
      boolean isText = text != null && !text.isBlank();
      return new Item(Item.key(fileIndex, i), new Document(id == null || id.isBlank() ? base + "-" + (i + 1) : id,
          where, isText ? Document.Format.TEXT : Document.Format.HTML, isText ? text : html, col(r, columns, "title"),
          col(r, columns, "outlet"), col(r, columns, "url"), col(r, columns, "date"), null), null);
    });
  }

  private static String col(Row r, List<String> columns, String name) {
    int i = columns.indexOf(name);
    if (i < 0 || r.isNullAt(i)) {
      return null;
    }
    Object v = r.get(i);
    return v == null ? null : v.toString();
  }
}
