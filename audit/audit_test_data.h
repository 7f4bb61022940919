#pragma once
// A crafted register and findings stream that produce every gap kind, shared
// by the audit, output and CLI tests. Values are synthetic and masked only;
// one finding carries a "value" (as written by --show-values) that must never
// reach a report.

#include <string>

namespace piiscan::audit::testdata {

// --now for these findings: retention is judged against 2024-06-01.
inline constexpr const char* kNow = "2024-06-01";

inline const char* RegisterYaml() {
  return R"(organisation: Voorbeeld BV
kvk: "12345678"
promises: [no_id_copies]
systems:
  - id: sales-share
    name: Verkoop (fileshare)
    locations: ["shares/sales/**"]
    categories: [naam, e-mailadres, telefoonnummer, adres]
    retention: 24m
  - id: finance
    name: Financiële administratie
    locations: ["shares/finance/**"]
    categories: [name, bank_account, company_id]
    retention: 7y
  - id: hr
    name: Personeelsadministratie
    locations: ["shares/hr/**", "mail/hr.pst"]
    categories: [name, BSN, special_category]
    bsn_basis: "Wet op de loonbelasting 1964"
  - id: support
    name: Supportsysteem
    locations: ["shares/support/**"]
    categories: [name, email]
  - id: marketing
    name: Nieuwsbrief
    locations: ["shares/marketing/**"]
    categories: [email, ip_address]
)";
}

// 2024-01-01, 2020-01-01, 2015-01-01 (unix seconds)
inline constexpr long long kRecent = 1704067200, k2020 = 1577836800, k2015 = 1420070400;

inline std::string FindingsJsonl() {
  auto f = [](const std::string& file, const std::string& loc, const std::string& det, const std::string& cat,
              const std::string& conf, const std::string& masked, const std::string& hash, long long t,
              const std::string& extra = "") {
    return "{\"file\":\"" + file + "\",\"location\":" + loc + ",\"detector\":\"" + det + "\",\"category\":\"" +
           cat + "\",\"confidence\":\"" + conf + "\",\"masked\":\"" + masked + "\",\"value_hash\":\"" + hash +
           "\",\"item_time\":" + std::to_string(t) + extra + "}\n";
  };
  const std::string cell7 = R"(["sheet Klanten","cell B7"])", cell8 = R"(["sheet Klanten","cell B8"])";
  std::string s;
  // sales: BSNs without basis, e-mail (declared), an IBAN (undeclared), a health term (special).
  s += f("shares/sales/klanten.xlsx", cell7, "bsn", "national_id", "high", "*****2333", "h-bsn-1", kRecent,
         R"(,"value":"111222333")");
  s += f("shares/sales/klanten.xlsx", cell8, "bsn", "national_id", "high", "*****4444", "h-bsn-2", kRecent);
  s += f("shares/sales/klanten.xlsx", cell7, "email", "email", "high", "j***@example.nl", "h-mail-1", kRecent);
  s += f("shares/sales/klanten.xlsx", cell7, "phone_nl", "phone", "high", "06-****5678", "h-tel-1", kRecent);
  s += f("shares/sales/offerte.docx", "[]", "iban", "bank_account", "high", "NL91 **** **** **** 4300",
         "h-iban-1", kRecent);
  s += f("shares/sales/notities.txt", "[]", "special_health", "special_category", "medium", "d*****e",
         "h-health-1", kRecent);
  s += f("shares/sales/notities.txt", "[]", "person_name", "name", "medium", "J** d* V****", "h-name-1", kRecent);
  s += f("shares/sales/notities.txt", "[]", "postcode_nl", "address", "high", "12**AB", "h-pc-1", kRecent);
  // sales: an old mail export past the 24 months.
  s += f("shares/sales/2019/export.mbox", R"(["message 3"])", "email", "email", "high", "p***@example.nl",
         "h-mail-2", k2020);
  // finance: a recent and an old file (7y retention: the 2015 one is past it).
  s += f("shares/finance/2023/facturen.xlsx", R"(["sheet 2023","cell C2"])", "iban", "bank_account", "high",
         "NL91 **** **** **** 4300", "h-iban-1", kRecent);
  s += f("shares/finance/2015/facturen.xlsx", R"(["sheet 2015","cell C2"])", "iban", "bank_account", "high",
         "NL20 **** **** **** 0001", "h-iban-2", k2015);
  s += f("shares/finance/2015/facturen.xlsx", R"(["sheet 2015","cell D2"])", "kvk", "company_id", "high",
         "****5678", "h-kvk-1", k2015);
  // hr: BSN with basis and declared special category: no gap.
  s += f("mail/hr.pst", R"(["message 12","attachment loonstrook.pdf","page 1"])", "bsn", "national_id", "high",
         "*****2333", "h-bsn-1", kRecent);
  s += f("shares/hr/verzuim.docx", "[]", "special_health", "special_category", "high", "z****e", "h-health-2",
         kRecent);
  // support: a passport number where the organisation promised no ID copies.
  s += f("shares/support/tickets/4711/paspoort.pdf", R"(["page 1"])", "id_document_nl", "identity_document",
         "high", "SP*****14", "h-id-1", kRecent);
  s += f("shares/support/tickets/4711/mail.eml", "[]", "email", "email", "high", "j***@example.nl", "h-mail-1",
         kRecent);
  // nowhere: an old export nobody declared.
  s += f("shares/oud/export.csv", "[]", "email", "email", "high", "a***@example.nl", "h-mail-3", kRecent);
  s += f("shares/oud/export.csv", "[]", "email", "email", "high", "b***@example.nl", "h-mail-4", kRecent);
  // below the default confidence: not counted.
  s += f("shares/oud/ruis.txt", "[]", "phone_nl", "phone", "low", "0***", "h-tel-9", kRecent);
  // unscanned
  s += R"({"file":"shares/finance/geheim.zip","location":[],"status":"encrypted","reason":"zip: encrypted members"})"
       "\n";
  s += R"({"file":"shares/oud/kapot.pdf","location":[],"status":"corrupt","reason":"pdf: damaged xref, 3 of 5 pages read"})"
       "\n";
  return s;
}

}  // namespace piiscan::audit::testdata
