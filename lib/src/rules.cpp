#include "lede/rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "embedded_packs.h"
#include "lede/extractor.h"
#include "rules_impl.h"

namespace lede {
namespace {

namespace fs = std::filesystem;

// A pack file before parsing, and where its gazetteers are to be found.
struct PackFile {
  std::string path;      // key for resolving relative paths: "en/x.toml" or a file system path
  std::string origin;    // for messages
  std::string contents;
  bool on_disk = false;  // else its gazetteers are looked up in `memory`
  bool builtin = false;  // compiled into lede: a pack of the same name replaces it
};

using MemoryFiles = std::map<std::string, std::string_view, std::less<>>;

bool ReadFile(const fs::path& path, std::string* contents) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *contents = std::move(buffer).str();
  return !in.bad();
}

// Collects the *.toml packs below `dir`, in path order.
Status CollectDirectory(const std::string& dir, std::vector<PackFile>* packs) {
  std::error_code error;
  if (!fs::is_directory(dir, error)) return Status::NotFound(fmt::format("{}: not a directory of rule packs", dir));
  std::vector<fs::path> paths;
  for (auto it = fs::recursive_directory_iterator(dir, error); !error && it != fs::recursive_directory_iterator();
       it.increment(error)) {
    if (it->is_regular_file() && it->path().extension() == ".toml") paths.push_back(it->path());
  }
  if (error) return Status::IOError(fmt::format("{}: {}", dir, error.message()));
  std::sort(paths.begin(), paths.end());
  for (const fs::path& path : paths) {
    PackFile pack{path.string(), path.string(), "", true, false};
    if (!ReadFile(path, &pack.contents)) return Status::IOError(fmt::format("{}: cannot read", path.string()));
    packs->push_back(std::move(pack));
  }
  return Status::OK();
}

class Loader {
 public:
  // In-memory gazetteers are named `origin_prefix` + path in messages.
  Loader(MemoryFiles memory, std::string origin_prefix)
      : memory_(std::move(memory)), origin_prefix_(std::move(origin_prefix)) {}

  Status Load(const std::vector<PackFile>& files, std::unique_ptr<RuleSet::Impl>* out) {
    auto impl = std::make_unique<RuleSet::Impl>();
    // Parse all packs; a later pack of the same name replaces an earlier
    // built-in one.
    std::vector<PackSpec> specs;
    std::vector<const PackFile*> spec_files;
    for (const PackFile& file : files) {
      PackSpec spec;
      std::string error;
      const TableLoader load_table = [&](const std::string& path, const GazetteerTable** table, std::string* why) {
        Status status = LoadTable(file, path, file.origin, table, impl.get());
        *why = status.message();
        return status.ok();
      };
      if (!ParsePack(file.contents, file.origin, load_table, &spec, &error)) return Status::InvalidArgument(error);
      auto same = std::find_if(specs.begin(), specs.end(),
                               [&](const PackSpec& s) { return s.info.name == spec.info.name; });
      if (same == specs.end()) {
        specs.push_back(std::move(spec));
        spec_files.push_back(&file);
      } else if (spec_files[static_cast<size_t>(same - specs.begin())]->builtin) {
        *same = std::move(spec);
        spec_files[static_cast<size_t>(same - specs.begin())] = &file;
      } else {
        return Status::InvalidArgument(fmt::format("{}:1: pack '{}' is already defined in {}", file.origin,
                                                   spec.info.name, same->info.origin));
      }
    }
    std::map<std::string, std::string, std::less<>> rule_origins;
    for (size_t p = 0; p < specs.size(); ++p) {
      for (RuleSpec& spec : specs[p].rules) {
        auto [it, added] = rule_origins.emplace(spec.info.id, spec.info.origin);
        if (!added) {
          return Status::InvalidArgument(
              fmt::format("{}: duplicate rule id '{}' (also in {})", spec.info.origin, spec.info.id, it->second));
        }
        Rule rule;
        Status status = MakeRule(*spec_files[p], std::move(spec), &rule, impl.get());
        if (!status.ok()) return status;
        impl->rules.push_back(std::move(rule));
      }
      impl->packs.push_back(std::move(specs[p].info));
    }
    std::string error;
    if (!impl->matcher.Compile(&impl->rules, &error)) return Status::InvalidArgument(error);
    *out = std::move(impl);
    return Status::OK();
  }

 private:
  Status MakeRule(const PackFile& file, RuleSpec spec, Rule* rule, RuleSet::Impl* impl) {
    rule->info = std::move(spec.info);
    rule->pattern = std::move(spec.pattern);
    rule->pattern_origin = fmt::format("{}:{}", file.origin, spec.pattern_line);
    rule->ignore_case = spec.ignore_case;
    rule->capitals = spec.capitals;
    rule->headline = spec.headline;
    rule->args = std::move(spec.args);
    rule->preceded_by = std::move(spec.preceded_by);
    rule->lookup_key = std::move(spec.lookup_key);
    rule->reject_key = std::move(spec.reject_key);
    rule->followed_by = std::move(spec.followed_by);
    rule->examples = std::move(spec.examples);
    rule->counter_examples = std::move(spec.counter_examples);
    if (!rule->info.normalize.empty()) rule->normalize = FindNormalizer(rule->info.normalize);
    if (!rule->info.gazetteer) {
      for (auto [path, line, table] : {std::tuple{&spec.lookup, spec.lookup_line, &rule->table},
                                       {&spec.reject, spec.reject_line, &rule->reject},
                                       {&spec.starts_with, spec.starts_with_line, &rule->starts_with},
                                       {&spec.contains, spec.contains_line, &rule->contains},
                                       {&spec.follows, spec.follows_line, &rule->follows}}) {
        if (path->empty()) continue;
        Status status = LoadTable(file, *path, fmt::format("{}:{}", file.origin, line), table, impl);
        if (!status.ok()) return status;
      }
      return Status::OK();
    }

    const std::string where = fmt::format("{}:{}", file.origin, spec.gazetteer_line);
    Status status = LoadTable(file, spec.gazetteer, where, &rule->table, impl);
    if (!status.ok()) return status;
    if (spec.match_columns.empty()) {
      rule->match_columns = rule->table->NameColumns();
      return Status::OK();
    }
    for (const std::string& column : spec.match_columns) {
      int index = rule->table->Column(column);
      if (index < 0) {
        return Status::InvalidArgument(
            fmt::format("{}: rule {}: {} has no column '{}'", where, rule->info.id, rule->table->origin(), column));
      }
      rule->match_columns.push_back(index);
    }
    return Status::OK();
  }

  // Loads the gazetteer `relative` to a pack, once however many rules use it.
  Status LoadTable(const PackFile& file, const std::string& relative, const std::string& where,
                   const GazetteerTable** table, RuleSet::Impl* impl) {
    std::string path = (fs::path(file.path).parent_path() / relative).lexically_normal().generic_string();
    if (auto it = tables_.find(path); it != tables_.end()) {
      *table = it->second;
      return Status::OK();
    }
    std::string contents, origin;
    if (file.on_disk) {
      origin = path;
      if (!ReadFile(path, &contents)) {
        return Status::InvalidArgument(fmt::format("{}: cannot read gazetteer {}", where, path));
      }
    } else {
      auto it = memory_.find(path);
      if (it == memory_.end()) return Status::InvalidArgument(fmt::format("{}: no gazetteer {}", where, path));
      origin = origin_prefix_ + path;
      contents = std::string(it->second);
    }
    auto parsed = std::make_unique<GazetteerTable>();
    std::string error;
    if (!parsed->Parse(std::move(contents), origin, &error)) return Status::InvalidArgument(error);
    parsed->IndexNames(parsed->NameColumns());
    *table = parsed.get();
    tables_.emplace(path, parsed.get());
    impl->tables.push_back(std::move(parsed));
    return Status::OK();
  }

  MemoryFiles memory_;
  std::string origin_prefix_;
  std::map<std::string, const GazetteerTable*, std::less<>> tables_;
};

std::vector<PackFile> MemoryPacks(const MemoryFiles& files, std::string_view origin_prefix, bool builtin) {
  std::vector<PackFile> packs;
  for (const auto& [path, contents] : files) {
    if (path.ends_with(".toml")) {
      packs.push_back(PackFile{path, std::string(origin_prefix) + path, std::string(contents), false, builtin});
    }
  }
  return packs;
}

}  // namespace

RuleSet::RuleSet(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RuleSet::~RuleSet() = default;

Status RuleSet::Load(const RuleSetOptions& options, std::shared_ptr<const RuleSet>* out) {
  MemoryFiles builtin;
  if (options.builtin) {
    for (size_t i = 0; i < kEmbeddedFileCount; ++i) builtin.emplace(kEmbeddedFiles[i].path, kEmbeddedFiles[i].contents());
  }
  const std::string prefix = "patterns/";
  std::vector<PackFile> packs = MemoryPacks(builtin, prefix, true);
  for (const std::string& dir : options.pattern_dirs) {
    Status status = CollectDirectory(dir, &packs);
    if (!status.ok()) return status;
  }
  std::unique_ptr<Impl> impl;
  Status status = Loader(std::move(builtin), prefix).Load(packs, &impl);
  if (!status.ok()) return status;
  out->reset(new RuleSet(std::move(impl)));
  return Status::OK();
}

Status RuleSet::FromFiles(const std::vector<std::pair<std::string, std::string>>& files,
                          std::shared_ptr<const RuleSet>* out) {
  MemoryFiles memory;
  for (const auto& [path, contents] : files) memory.emplace(path, contents);
  std::unique_ptr<Impl> impl;
  Status status = Loader(memory, "").Load(MemoryPacks(memory, "", false), &impl);
  if (!status.ok()) return status;
  out->reset(new RuleSet(std::move(impl)));
  return Status::OK();
}

const std::vector<PackInfo>& RuleSet::packs() const { return impl_->packs; }

std::vector<std::string> RuleSet::types() const {
  std::set<std::string> types;
  for (const Rule& rule : impl_->rules) {
    if (!rule.blocking() && !rule.cue()) types.insert(rule.info.type);
  }
  return {types.begin(), types.end()};
}

}  // namespace lede
