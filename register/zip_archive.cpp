#include "register/zip_archive.hpp"

#include <fmt/format.h>
#include <unzip.h>

#include <algorithm>
#include <array>
#include <cstring>

namespace knelpunt::risk_register {

/// The archive's bytes as minizip's file: a position in memory.
struct ZipArchive::Stream {
  std::string_view bytes;
  std::uint64_t position = 0;
};

namespace {

voidpf ZCALLBACK open_memory(voidpf opaque, const void*, int mode) {
  if ((mode & ZLIB_FILEFUNC_MODE_READWRITEFILTER) != ZLIB_FILEFUNC_MODE_READ) return nullptr;
  auto* stream = static_cast<ZipArchive::Stream*>(opaque);
  stream->position = 0;
  return stream;
}

uLong ZCALLBACK read_memory(voidpf, voidpf opaque_stream, void* buffer, uLong size) {
  auto* stream = static_cast<ZipArchive::Stream*>(opaque_stream);
  if (stream->position >= stream->bytes.size()) return 0;
  const auto available = stream->bytes.size() - stream->position;
  const auto n = static_cast<uLong>(std::min<std::uint64_t>(size, available));
  std::memcpy(buffer, stream->bytes.data() + stream->position, n);
  stream->position += n;
  return n;
}

uLong ZCALLBACK write_memory(voidpf, voidpf, const void*, uLong) { return 0; }

ZPOS64_T ZCALLBACK tell_memory(voidpf, voidpf opaque_stream) {
  return static_cast<ZipArchive::Stream*>(opaque_stream)->position;
}

long ZCALLBACK seek_memory(voidpf, voidpf opaque_stream, ZPOS64_T offset, int origin) {
  auto* stream = static_cast<ZipArchive::Stream*>(opaque_stream);
  const std::uint64_t size = stream->bytes.size();
  std::uint64_t base = 0;
  switch (origin) {
    case ZLIB_FILEFUNC_SEEK_SET:
      base = 0;
      break;
    case ZLIB_FILEFUNC_SEEK_CUR:
      base = stream->position;
      break;
    case ZLIB_FILEFUNC_SEEK_END:
      base = size;
      break;
    default:
      return -1;
  }
  if (offset > size || base > size - offset) return -1;  // never past the end
  stream->position = base + offset;
  return 0;
}

int ZCALLBACK close_memory(voidpf, voidpf) { return 0; }
int ZCALLBACK error_memory(voidpf, voidpf) { return 0; }

}  // namespace

ZipArchive::ZipArchive(std::string_view bytes)
    : stream_(std::make_unique<Stream>(Stream{bytes, 0})) {
  zlib_filefunc64_def functions{};
  functions.zopen64_file = &open_memory;
  functions.zread_file = &read_memory;
  functions.zwrite_file = &write_memory;
  functions.ztell64_file = &tell_memory;
  functions.zseek64_file = &seek_memory;
  functions.zclose_file = &close_memory;
  functions.zerror_file = &error_memory;
  functions.opaque = stream_.get();
  zip_ = unzOpen2_64("memory", &functions);
  if (!zip_) {
    open_problem_ =
        "is not a zip archive (no readable central directory); expected an .xlsx workbook";
    return;
  }
  unz_global_info64 info{};
  if (unzGetGlobalInfo64(zip_, &info) != UNZ_OK) {
    open_problem_ = "is not a readable zip archive; expected an .xlsx workbook";
    return;
  }
  if (info.number_entry > kMaxZipEntries) {
    open_problem_ =
        fmt::format("is a zip archive of {} entries; expected an .xlsx workbook of at most {}",
                    info.number_entry, kMaxZipEntries);
    return;
  }
  for (int status = unzGoToFirstFile(zip_); status == UNZ_OK; status = unzGoToNextFile(zip_)) {
    std::array<char, 1024> name{};
    unz_file_info64 entry{};
    if (unzGetCurrentFileInfo64(zip_, &entry, name.data(), name.size() - 1, nullptr, 0, nullptr,
                                0) != UNZ_OK)
      break;
    names_.emplace_back(name.data());
    if (names_.size() > kMaxZipEntries) break;
  }
}

ZipArchive::~ZipArchive() {
  if (zip_) unzClose(zip_);
}

bool ZipArchive::contains(std::string_view name) const {
  return std::find(names_.begin(), names_.end(), name) != names_.end();
}

ZipRead ZipArchive::read(std::string_view name) {
  if (!open_problem_.empty()) return {std::nullopt, open_problem_};
  if (!contains(name)) return {std::nullopt, fmt::format("has no entry '{}'", name)};
  const std::string wanted(name);
  if (unzLocateFile(zip_, wanted.c_str(), 1) != UNZ_OK)
    return {std::nullopt, fmt::format("has no entry '{}'", name)};
  unz_file_info64 entry{};
  if (unzGetCurrentFileInfo64(zip_, &entry, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK)
    return {std::nullopt, fmt::format("has an unreadable entry '{}'", name)};
  if (entry.uncompressed_size > kMaxZipEntryBytes)
    return {std::nullopt,
            fmt::format("has an entry '{}' of {} bytes uncompressed; expected at most {}", name,
                        entry.uncompressed_size, kMaxZipEntryBytes)};
  if (entry.compression_method != 0 && entry.compression_method != Z_DEFLATED)
    return {std::nullopt,
            fmt::format("stores entry '{}' with compression method {}; expected deflate or none",
                        name, entry.compression_method)};
  if (entry.flag & 1)
    return {std::nullopt, fmt::format("has an encrypted entry '{}'; expected none", name)};
  if (unzOpenCurrentFile(zip_) != UNZ_OK)
    return {std::nullopt, fmt::format("has an entry '{}' that cannot be opened", name)};
  // Inflate into a buffer bounded by the limit, not by the declared size,
  // which a hostile archive may understate.
  std::string bytes;
  std::array<char, 65536> buffer{};
  std::string problem;
  for (;;) {
    const int n = unzReadCurrentFile(zip_, buffer.data(), static_cast<unsigned>(buffer.size()));
    if (n < 0) {
      problem = fmt::format("has a damaged entry '{}' (inflating failed)", name);
      break;
    }
    if (n == 0) break;
    bytes.append(buffer.data(), static_cast<std::size_t>(n));
    if (bytes.size() > kMaxZipEntryBytes || total_read_ + bytes.size() > kMaxZipTotalBytes) {
      problem = fmt::format(
          "has an entry '{}' that inflates to more than {} bytes; expected at most that", name,
          std::min(kMaxZipEntryBytes,
                   kMaxZipTotalBytes - std::min(total_read_, kMaxZipTotalBytes)));
      break;
    }
  }
  const int closed = unzCloseCurrentFile(zip_);
  if (problem.empty() && closed == UNZ_CRCERROR)
    problem = fmt::format("has a damaged entry '{}' (CRC mismatch)", name);
  if (!problem.empty()) return {std::nullopt, problem};
  total_read_ += bytes.size();
  return {std::move(bytes), ""};
}

}  // namespace knelpunt::risk_register
