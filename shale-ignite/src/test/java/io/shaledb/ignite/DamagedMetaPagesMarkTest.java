package io.shaledb.ignite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DamagedMetaPagesMarkTest {
  @TempDir
  Path work;

  @Test
  void read_noMark_findsNothing() {
    assertThat(new DamagedMetaPagesMark(work).read()).isEmpty();
    assertThat(new DamagedMetaPagesMark(work.resolve("not-created")).read()).isEmpty();
  }

  @Test
  void add_damagedFiles_areReadBackByTheNextStart() {
    new DamagedMetaPagesMark(work).add(List.of(partition(21, 0), partition(21, 3)));

    assertThat(new DamagedMetaPagesMark(work).read())
        .contains("[partitions/db/db/table-21/part-0.bin, partitions/db/db/table-21/part-3.bin]");
    assertThat(work.resolve(DamagedMetaPagesMark.FILE + ".tmp")).doesNotExist();
  }

  @Test
  void add_nothingDamaged_writesNoMark() {
    new DamagedMetaPagesMark(work).add(List.of());

    assertThat(work.resolve(DamagedMetaPagesMark.FILE)).doesNotExist();
    assertThat(new DamagedMetaPagesMark(work).read()).isEmpty();
  }

  @Test
  void add_toAnEarlierMark_keepsItsFilesOnce() {
    DamagedMetaPagesMark mark = new DamagedMetaPagesMark(work);
    mark.add(List.of(partition(21, 0)));

    mark.add(List.of(partition(21, 0), partition(22, 1)));

    assertThat(mark.read())
        .contains("[partitions/db/db/table-21/part-0.bin, partitions/db/db/table-22/part-1.bin]");
  }

  @Test
  void remove_afterASuccessfulLaunch_leavesNoMark() {
    DamagedMetaPagesMark mark = new DamagedMetaPagesMark(work);
    mark.add(List.of(partition(21, 0)));

    mark.remove();

    assertThat(mark.read()).isEmpty();
    assertThat(work.resolve(DamagedMetaPagesMark.FILE)).doesNotExist();
  }

  @Test
  void remove_noMark_doesNothing() {
    new DamagedMetaPagesMark(work).remove();

    assertThat(work).isEmptyDirectory();
  }

  @Test
  void remove_aTemporaryFileLeftByACrashedWrite_removesItToo() throws IOException {
    Files.writeString(work.resolve(DamagedMetaPagesMark.FILE + ".tmp"), "ShaleDB partition");

    new DamagedMetaPagesMark(work).remove();

    assertThat(work).isEmptyDirectory();
  }

  @Test
  void read_aMarkCutShort_isStillAFindingOfUnknownFiles() throws IOException {
    DamagedMetaPagesMark mark = new DamagedMetaPagesMark(work);
    mark.add(List.of(partition(21, 0), partition(21, 1)));
    Path file = work.resolve(DamagedMetaPagesMark.FILE);
    String whole = Files.readString(file);
    Files.writeString(file, whole.substring(0, whole.indexOf("part-1.bin")));

    assertThat(mark.read()).contains("files named in " + file + ", which is torn or cannot be read");
  }

  @Test
  void read_anEmptyOrForeignMark_isStillAFindingOfUnknownFiles() throws IOException {
    Path file = work.resolve(DamagedMetaPagesMark.FILE);
    DamagedMetaPagesMark mark = new DamagedMetaPagesMark(work);

    Files.writeString(file, "");
    assertThat(mark.read()).contains("files named in " + file + ", which is torn or cannot be read");
    Files.write(file, new byte[] {(byte) 0xC3, 0x28, '\n'});
    assertThat(mark.read()).as("not UTF-8").contains("files named in " + file + ", which is torn or cannot be read");
  }

  @Test
  void read_aMarkThatCannotBeRead_isStillAFindingOfUnknownFiles() throws IOException {
    Path file = Files.createDirectory(work.resolve(DamagedMetaPagesMark.FILE));

    assertThat(new DamagedMetaPagesMark(work).read())
        .contains("files named in " + file + ", which is torn or cannot be read");
  }

  @Test
  void add_overATornMark_namesTheFilesFoundNow() throws IOException {
    Files.writeString(work.resolve(DamagedMetaPagesMark.FILE), "ShaleDB partition files");
    DamagedMetaPagesMark mark = new DamagedMetaPagesMark(work);

    mark.add(List.of(partition(21, 2)));

    assertThat(mark.read()).contains("[partitions/db/db/table-21/part-2.bin]");
  }

  private Path partition(int table, int partition) {
    return work.resolve("partitions").resolve("db").resolve("db").resolve("table-" + table)
        .resolve("part-" + partition + ".bin");
  }
}
