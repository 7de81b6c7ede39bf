#pragma once
/// The one small interface every assessor implements (Threagile-style: a
/// name, its configuration, its findings). The built-ins are listed
/// explicitly in assessor_registry.cpp; each lives in its own file.

#include <memory>
#include <string_view>
#include <vector>

#include "assessors/assessment_context.hpp"
#include "assessors/assessor_options.hpp"
#include "assessors/finding.hpp"
#include "catalogs/catalog.hpp"
#include "model/diagnostic.hpp"

namespace knelpunt::assessors {

class Assessor {
 public:
  virtual ~Assessor() = default;
  /// The name used in profiles and findings, e.g. "single-point".
  virtual std::string_view name() const = 0;
  /// Reads this assessor's options (a JSON object from the profile, possibly
  /// empty). Unknown or malformed options, and options naming what the
  /// effective catalogues (`reference`) lack, are errors at `where`.
  virtual void configure(const catalogs::Json& options, const catalogs::ReferenceData& reference,
                         const model::SourceLocation& where, model::Diagnostics& diagnostics) = 0;
  /// The findings on the model. Deterministic: the same model and options
  /// give the same findings in the same order, whatever context.threads is.
  virtual std::vector<Finding> assess(const AssessmentContext& context) const = 0;
  /// Fills in a finding this assessor gave in brief (Finding::brief) with
  /// the same context, so that it equals the finding assess() gives without
  /// `in_brief`. Only assessors that brief override it (decision 021).
  virtual void detail(Finding& finding, const AssessmentContext& context) const {
    (void)context;
    finding.brief = false;
  }

  /// The options configure() read, each with the value this assessor uses
  /// (defaults included): an object, empty before configure() or for an
  /// assessor without options. The register records them, so that a
  /// comparison can tell an analysis run with other options (decision 030).
  const catalogs::Json& effective_options() const { return effective_options_; }

 protected:
  /// Every configure() ends with this, handing over its option reader.
  void keep_effective_options(const AssessorOptions& reader) { effective_options_ = reader.effective(); }

 private:
  catalogs::Json effective_options_ = catalogs::Json::object();
};

/// Every built-in assessor, unconfigured, in the order the register lists them.
std::vector<std::unique_ptr<Assessor>> make_builtin_assessors();

}  // namespace knelpunt::assessors
