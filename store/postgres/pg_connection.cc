#include "store/postgres/pg_connection.h"

#include <charconv>
#include <cstdio>
#include <cstring>
#include <regex>

#include "core/base64.h"
#include "core/utf8.h"

namespace piiscan::store::pg {
namespace {

// libpq's messages end with a newline and may span lines; one line reads
// better after our own prefix.
std::string OneLine(const char* message) {
  std::string out = message ? message : "";
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  for (char& c : out)
    if (c == '\n') c = ' ';
  return out.empty() ? "unknown error" : out;
}

bool Ok(PGresult* r) {
  auto s = PQresultStatus(r);
  return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK || s == PGRES_SINGLE_TUPLE ||
         s == PGRES_COPY_IN;
}

}  // namespace

bool IsConnectionString(std::string_view t) {
  if (t.starts_with("postgresql://") || t.starts_with("postgres://")) return true;
  for (std::string_view key : {"host=", "hostaddr=", "dbname=", "service=", "port=", "user="})
    if (t.starts_with(key) || t.find(" " + std::string(key)) != std::string_view::npos) return true;
  return false;
}

std::string RedactConnectionString(std::string_view t) {
  std::string s(t);
  if (s.starts_with("postgresql://") || s.starts_with("postgres://")) {
    // user:password@ → user:***@ ; ?password=... / &password=... dropped.
    static const std::regex userinfo(R"(^(postgres(?:ql)?://[^:@/]*):[^@/]*@)");
    s = std::regex_replace(s, userinfo, "$1:***@");
    static const std::regex query(R"(([?&])password=[^&]*&?)");
    s = std::regex_replace(s, query, "$1");
    while (!s.empty() && (s.back() == '?' || s.back() == '&')) s.pop_back();
    return s;
  }
  // Keyword form: drop password=... (quoted or not) and everything after an
  // unbalanced quote, to be safe.
  static const std::regex keyword(R"(\s*password\s*=\s*('([^'\\]|\\.)*'|\S*))");
  return std::regex_replace(s, keyword, "");
}

Params& Params::Add(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return Add(std::string_view(buf));
}

Params& Params::AddIdArray(const std::vector<int64_t>& ids) {
  std::string s = "{";
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i) s += ',';
    s += std::to_string(ids[i]);
  }
  s += '}';
  return Add(std::string_view(s));
}

std::vector<const char*> Params::Pointers() const {
  std::vector<const char*> out;
  out.reserve(values_.size());
  for (const auto& v : values_) out.push_back(v ? v->c_str() : nullptr);
  return out;
}

int64_t PgResult::Int(int row, int col) const {
  std::string_view t = TextView(row, col);
  int64_t v = 0;
  std::from_chars(t.data(), t.data() + t.size(), v);
  return v;
}

double PgResult::Real(int row, int col) const {
  return std::strtod(PQgetvalue(r_.get(), row, col), nullptr);
}

Result<PgConnection> PgConnection::Open(const std::string& target) {
  PgConnection c;
  c.where_ = std::make_unique<std::string>("findings store " + RedactConnectionString(target));
  c.conn_.reset(PQconnectdb(target.c_str()));
  if (!c.conn_) return Fail(*c.where_ + ": out of memory");
  if (PQstatus(c.conn_.get()) != CONNECTION_OK)
    return Fail(*c.where_ + ": cannot connect: " + OneLine(PQerrorMessage(c.conn_.get())));
  // Notices (e.g. "relation already exists, skipping") are not for users.
  PQsetNoticeProcessor(
      c.conn_.get(), [](void*, const char*) {}, nullptr);
  if (auto r = c.Exec("SET client_encoding = 'UTF8'; SET extra_float_digits = 3"); !r)
    return std::unexpected(r.error());
  return c;
}

Error PgConnection::Failure(std::string_view doing) const {
  return Error{*where_ + ": " + std::string(doing) + ": " + OneLine(PQerrorMessage(conn_.get()))};
}

Result<void> PgConnection::Exec(std::string_view sql) {
  std::string text(sql);
  PgResult r(PQexec(conn_.get(), text.c_str()));
  if (!r.get() || !Ok(r.get())) return std::unexpected(Failure("statement failed"));
  return {};
}

Result<PgResult> PgConnection::Query(std::string_view sql, const Params& params) {
  std::string text(sql);
  auto values = params.Pointers();
  PgResult r(PQexecParams(conn_.get(), text.c_str(), params.size(), nullptr, values.data(), nullptr,
                          nullptr, 0));
  if (!r.get() || !Ok(r.get())) return std::unexpected(Failure("query failed"));
  return r;
}

Result<int64_t> PgConnection::Run(std::string_view sql, const Params& params) {
  auto r = Query(sql, params);
  if (!r) return std::unexpected(r.error());
  const char* n = PQcmdTuples(r->get());
  return n && *n ? std::strtoll(n, nullptr, 10) : 0;
}

Result<void> PgConnection::ForEach(std::string_view sql, const Params& params,
                                   const std::function<bool(const PgResult&)>& row) {
  std::string text(sql);
  auto values = params.Pointers();
  if (!PQsendQueryParams(conn_.get(), text.c_str(), params.size(), nullptr, values.data(), nullptr,
                         nullptr, 0))
    return std::unexpected(Failure("query failed"));
  PQsetSingleRowMode(conn_.get());
  std::optional<Error> error;
  bool go_on = true;
  // Every result must be read, even after a stop or an error, before the
  // connection can be used again.
  while (PGresult* raw = PQgetResult(conn_.get())) {
    PgResult r(raw);
    if (!Ok(raw)) {
      if (!error) error = Error{*where_ + ": query failed: " + OneLine(PQresultErrorMessage(raw))};
      continue;
    }
    if (go_on && !error && PQresultStatus(raw) == PGRES_SINGLE_TUPLE) go_on = row(r);
  }
  if (error) return std::unexpected(*error);
  return {};
}

Result<void> PgConnection::CopyIn(std::string_view copy_sql, std::string_view data) {
  std::string text(copy_sql);
  PgResult start(PQexec(conn_.get(), text.c_str()));
  if (!start.get() || PQresultStatus(start.get()) != PGRES_COPY_IN)
    return std::unexpected(Failure("COPY failed"));
  constexpr size_t kChunk = 1 << 20;
  for (size_t at = 0; at < data.size(); at += kChunk) {
    size_t n = std::min(kChunk, data.size() - at);
    if (PQputCopyData(conn_.get(), data.data() + at, static_cast<int>(n)) != 1)
      return std::unexpected(Failure("COPY failed"));
  }
  if (PQputCopyEnd(conn_.get(), nullptr) != 1) return std::unexpected(Failure("COPY failed"));
  std::optional<Error> error;
  while (PGresult* raw = PQgetResult(conn_.get())) {
    PgResult r(raw);
    if (!Ok(raw) && !error)
      error = Error{*where_ + ": COPY failed: " + OneLine(PQresultErrorMessage(raw))};
  }
  if (error) return std::unexpected(*error);
  return {};
}

void CopyField(std::string& row, std::optional<std::string_view> text, bool first) {
  if (!first) row += '\t';
  if (!text) {
    row += "\\N";
    return;
  }
  for (char c : *text) {
    switch (c) {
      case '\\':
        row += "\\\\";
        break;
      case '\t':
        row += "\\t";
        break;
      case '\n':
        row += "\\n";
        break;
      case '\r':
        row += "\\r";
        break;
      default:
        row += c;
    }
  }
}

void CopyField(std::string& row, int64_t v, bool first) {
  if (!first) row += '\t';
  row += std::to_string(v);
}

void CopyField(std::string& row, double v, bool first) {
  if (!first) row += '\t';
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  row += buf;
}

void CopyField(std::string& row, const std::optional<int64_t>& v, bool first) {
  if (!v) return CopyField(row, std::optional<std::string_view>{}, first);
  CopyField(row, *v, first);
}

std::string ToDbText(std::string_view bytes) {
  bool plain = IsValidUtf8(bytes) && bytes.find('\0') == std::string_view::npos &&
               !bytes.starts_with('\x01');
  if (plain) return std::string(bytes);
  return "\x01" + Base64Encode(bytes);
}

std::string FromDbText(std::string_view stored) {
  if (!stored.starts_with('\x01')) return std::string(stored);
  auto bytes = Base64Decode(stored.substr(1));
  return bytes ? *bytes : std::string(stored);
}

}  // namespace piiscan::store::pg
