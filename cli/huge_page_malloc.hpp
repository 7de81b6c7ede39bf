#pragma once
/// Transparent huge pages for the heap (decision 041). A region's run
/// allocates hundreds of megabytes of small objects, and on a kernel whose
/// transparent huge pages are `madvise` only (Debian's default) every 4 KiB
/// of them costs a page fault. glibc backs its heaps with huge pages when
/// the tunable `glibc.malloc.hugetlb=1` is set — but it reads tunables only
/// when a process starts. So `main` calls this first: for a run that will
/// fill a large heap, it executes the program again, once, with that
/// tunable added to GLIBC_TUNABLES. Starting again costs about as much as
/// starting (tens of milliseconds on a virtual machine, mostly page faults),
/// so small runs are left as they are.

#include <cstdint>

namespace knelpunt::cli {

/// Model input a run must name before it is worth starting again: below
/// it (the Dordrecht example is 0.1 MB) the second start costs more than
/// huge pages save; from it (a 10 000-asset region is 1.9 MB) they save more.
inline constexpr std::uintmax_t kLargeInputBytes = std::uintmax_t{1} << 20;

/// The bytes of input the arguments after the subcommand name: each one
/// that is an existing regular file ending in .yaml, .yml, .csv or .xml
/// counts its size, each existing directory the regular files in it and in
/// its direct subdirectories (a model directory and its data/). Counting
/// stops at `enough`; options (arguments starting with '-') and anything
/// that cannot be read count nothing.
std::uintmax_t named_input_bytes(int argc, char** argv, std::uintmax_t enough);

/// Re-executes this program (/proc/self/exe, the same arguments and
/// environment) with `glibc.malloc.hugetlb=1` appended to GLIBC_TUNABLES,
/// and does not return when that succeeds, when the run will fill a large
/// heap: the subcommand is `cutsets` (its decision diagrams grow whatever
/// the model's size) or the arguments name at least kLargeInputBytes of
/// input (named_input_bytes). Returns without doing anything when the
/// environment sets KNELPUNT_HUGE_PAGES=0, when GLIBC_TUNABLES already
/// names glibc.malloc.hugetlb (the caller's choice, and the mark that this
/// is the second execution), when the kernel's transparent huge pages are
/// not `madvise` (`always`: every heap has them already; `never` or
/// unknown: nothing to gain), when this is not glibc on Linux or the build
/// has AddressSanitizer (its allocator ignores glibc's tunables), and when
/// the execution fails (the environment is then restored). Call it first
/// in `main`, before any thread starts, any file is opened or anything is
/// read or printed.
void reexecute_with_huge_page_malloc(int argc, char** argv);

}  // namespace knelpunt::cli
