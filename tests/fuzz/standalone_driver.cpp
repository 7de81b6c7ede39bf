// Runs a libFuzzer-style target without libFuzzer, so that CI (gcc, ASan,
// UBSan) exercises every parser: each corpus file as is, then a fixed number
// of seeded mutations of it (byte flips, inserts, deletes, splices, chunk
// repeats). Same seed, same inputs: a failure reproduces.
//
// usage: fuzz_NAME CORPUS_DIR [ITERATIONS_PER_FILE] [SEED]

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

std::string mutate(const std::string& input, const std::vector<std::string>& corpus, std::mt19937_64& random) {
  std::string out = input;
  const int steps = 1 + static_cast<int>(random() % 4);
  for (int step = 0; step < steps; ++step) {
    const auto pick = [&](std::size_t n) { return n == 0 ? std::size_t{0} : static_cast<std::size_t>(random() % n); };
    switch (random() % 6) {
      case 0:
        if (!out.empty()) out[pick(out.size())] = static_cast<char>(random() & 0xff);
        break;
      case 1:
      {
        static constexpr char kAlphabet[] = "[]{}:,-&*!|\"'\n #@\r\t0";
        out.insert(pick(out.size() + 1), 1, kAlphabet[pick(sizeof kAlphabet - 1)]);
      }
        break;
      case 2:
        if (!out.empty()) {
          const auto at = pick(out.size());
          out.erase(at, 1 + pick(std::min<std::size_t>(16, out.size() - at)));
        }
        break;
      case 3: {
        const auto& other = corpus[pick(corpus.size())];
        if (!other.empty()) {
          const auto from = pick(other.size());
          out.insert(pick(out.size() + 1), other.substr(from, 1 + pick(64)));
        }
        break;
      }
      case 4:
        if (!out.empty()) {
          const auto from = pick(out.size());
          const auto chunk = out.substr(from, 1 + pick(32));
          for (std::size_t k = 0, n = 1 + pick(8); k < n; ++k) out.insert(from, chunk);
        }
        break;
      default:
        if (!out.empty()) out.resize(pick(out.size()));
        break;
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: " << argv[0] << " CORPUS_DIR [ITERATIONS_PER_FILE] [SEED]\n";
    return 2;
  }
  const long iterations = argc > 2 ? std::strtol(argv[2], nullptr, 10) : 500;
  const unsigned long long seed = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 20261122ULL;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(argv[1]))
    if (entry.is_regular_file()) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::vector<std::string> corpus;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    corpus.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  if (corpus.empty()) {
    std::cerr << "empty corpus: " << argv[1] << "\n";
    return 2;
  }
  std::mt19937_64 random(seed);
  std::size_t runs = 0;
  for (const auto& input : corpus) {
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
    ++runs;
    for (long i = 0; i < iterations; ++i) {
      const auto mutated = mutate(input, corpus, random);
      LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(mutated.data()), mutated.size());
      ++runs;
    }
  }
  std::cout << runs << " inputs run without a crash\n";
  return 0;
}
