package org.parallax.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
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

  /** Every readable file under the given paths, sorted as the single-machine reader walks them. */
  static List<String> list(SparkSession spark, List<String> paths) throws IOException {
    List<String> files = new ArrayList<>();
    org.apache.hadoop.conf.Configuration conf = spark.sparkContext().hadoopConfiguration();
    for (String p : paths) {
      org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(p);
      FileSystem fs = path.getFileSystem(conf);
      FileStatus st = fs.getFileStatus(path);
      if (st.isFile()) {
        files.add(st.getPath().toString());
        continue;
      }
      List<String> inDir = new ArrayList<>();
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(path, true);
      while (it.hasNext()) {
        LocatedFileStatus f = it.next();
        if (!f.getPath().getName().startsWith(".") && !f.getPath().getName().startsWith("_")) {
          inDir.add(f.getPath().toString());
        }
      }
      inDir.sort(Comparator.naturalOrder());
      files.addAll(inDir);
    }
    return files;
  }

  /** The items of every file, in input order across partitions (one partition per non-Parquet file). */
  static JavaRDD<Item> read(SparkSession spark, List<String> files) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    HadoopConf conf = new HadoopConf(spark.sparkContext().hadoopConfiguration());
    List<JavaRDD<Item>> parts = new ArrayList<>();
    List<Tuple2<Long, String>> run = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      String f = files.get(i);
      if (f.toLowerCase(Locale.ROOT).endsWith(".parquet")) {
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

  private static JavaRDD<Item> readFiles(JavaSparkContext jsc, List<Tuple2<Long, String>> files, HadoopConf conf) {
    return jsc.parallelize(files, files.size()).flatMap(t -> readOne(t._1(), t._2(), conf).iterator());
  }

  /** One file: copied next to the task, read by {@link InputReader}, its local path replaced by the original. */
  static List<Item> readOne(long fileIndex, String file, HadoopConf conf) throws IOException {
    org.apache.hadoop.fs.Path src = new org.apache.hadoop.fs.Path(file);
    String shown = displayPath(src);
    Path dir = Files.createTempDirectory("parallax-spark-input-");
    Path local = dir.resolve(src.getName());
    List<Item> out = new ArrayList<>();
    try {
      FileSystem fs = src.getFileSystem(conf.get());
      fs.copyToLocalFile(false, src, new org.apache.hadoop.fs.Path(local.toUri()), true);
      String prefix = local.toString();
      long[] n = {0};
      new InputReader(ParallaxConfig.defaults()).stream(List.of(local),
          d -> out.add(new Item(Item.key(fileIndex, n[0]++), relocate(d, prefix, shown), null)),
          s -> out.add(new Item(Item.key(fileIndex, n[0]++), null,
              new Skipped(s.path().replace(prefix, shown), s.reason().replace(prefix, shown)))));
    } catch (IOException | RuntimeException e) {
      out.add(new Item(Item.key(fileIndex, 0), null, new Skipped(shown, "cannot read: " + e.getMessage())));
    } finally {
      try (var walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  /** A local file's path as the single-machine mode shows it; other filesystems keep their URI. */
  static String displayPath(org.apache.hadoop.fs.Path p) {
    java.net.URI u = p.toUri();
    return u.getScheme() == null || u.getScheme().equals("file") ? u.getPath() : p.toString();
  }

  private static Document relocate(Document d, String prefix, String shown) {
    String path = d.path() == null ? null : d.path().replace(prefix, shown);
    return new Document(d.id(), path, d.format(), d.content(), d.title(), d.outlet(), d.url(), d.date(), d.notes(),
        d.fallbackDate());
  }

  private static JavaRDD<Item> readParquet(SparkSession spark, String file, long fileIndex) {
    Dataset<Row> rows = spark.read().parquet(file);
    List<String> columns = List.of(rows.columns());
    String shown = displayPath(new org.apache.hadoop.fs.Path(file));
    String base = new org.apache.hadoop.fs.Path(file).getName().replaceFirst("\\.parquet$", "");
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
