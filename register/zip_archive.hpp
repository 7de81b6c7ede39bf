#pragma once
/// A zip archive read from memory with zlib's minizip (decision 028), for the
/// Excel register that `tracking import` reads back. Bounded, because the
/// archive comes from outside (docs/security.md, Input files): at most
/// kMaxZipEntries entries, an entry is read only up to kMaxZipEntryBytes
/// uncompressed (a declared size above that is refused before inflating, and
/// inflating stops there whatever the header claims), and a whole run reads
/// at most kMaxZipTotalBytes. Entries are found by their exact name.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace knelpunt::risk_register {

inline constexpr std::size_t kMaxZipEntries = 10000;
inline constexpr std::uint64_t kMaxZipEntryBytes = std::uint64_t{256} << 20;
inline constexpr std::uint64_t kMaxZipTotalBytes = std::uint64_t{512} << 20;

/// An entry read, or why not ("is not a zip archive (…)", "holds more than …").
struct ZipRead {
  std::optional<std::string> bytes;
  std::string problem;  ///< when no bytes: what is wrong, without the file name
};

class ZipArchive {
 public:
  /// Opens `bytes` (kept by reference: they must outlive the archive). When it
  /// is not a readable zip, `open_problem` says why and every read fails.
  explicit ZipArchive(std::string_view bytes);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  /// "" when open; else what is wrong (not a zip, too many entries).
  const std::string& open_problem() const { return open_problem_; }
  /// The names of the entries, in archive order.
  const std::vector<std::string>& names() const { return names_; }
  bool contains(std::string_view name) const;
  /// The uncompressed bytes of entry `name`, checked against its CRC.
  ZipRead read(std::string_view name);

  /// The archive's bytes as minizip's file (defined in zip_archive.cpp).
  struct Stream;

 private:
  std::unique_ptr<Stream> stream_;
  void* zip_ = nullptr;
  std::string open_problem_;
  std::vector<std::string> names_;
  std::uint64_t total_read_ = 0;
};

}  // namespace knelpunt::risk_register
