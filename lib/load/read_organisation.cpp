// kind: organisation.
#include "core/text.h"
#include "load/readers.h"
#include "core/codes.h"

namespace sv::decode {
namespace {

// An organisationsnummer: its shape, its third digit and its check digit.
void check_org_number(MapReader& reader, const Text& number) {
  if (!number.set) return;
  Ctx& ctx = reader.ctx();
  const std::string& written = number.v;
  switch (sv::check_org_number(written)) {
    case OrgNumberProblem::none: break;
    case OrgNumberProblem::shape:
      ctx.report(code::org_number_invalid, msg_of(msg::org_number_shape, written), number.span);
      break;
    case OrgNumberProblem::third_digit:
      ctx.report(code::org_number_invalid, msg_of(msg::org_number_third, written, written[2]), number.span);
      break;
    case OrgNumberProblem::check_digit: {
      auto& finding = ctx.report(code::org_number_invalid, msg_of(msg::org_number_check, written), number.span);
      std::string nine = written.substr(0, 6) + written.substr(7, 3);
      for (char digit = '0'; digit <= '9'; ++digit)
        if (luhn_ok(nine + digit)) finding.help = msg_of(msg::help_check_digit, written.substr(0, 10), digit);
      break;
    }
  }
}

}  // namespace

void read_kind(MapReader& reader, Organisation& org) {
  reader.text("name", org.name, true);
  reader.enumv("type", org.type, enum_names<OrgType>(),
               true);
  reader.ref("parent", org.parent, kind_bit(Kind::organisation));
  if (org.type_value() == OrgType::unit && !org.parent.set) reader.missing_when("parent", msg::cond_unit);
  reader.text("short_name", org.short_name);
  reader.text("org_number", org.org_number);
  check_org_number(reader, org.org_number);
  reader.text("mandate", org.mandate);
  reader.texts("services", org.services);
  reader.list("contacts", org.contacts,
              [&](const RawNode* node, Contact& contact) { return read_contact(reader, "contacts", node, contact); });
  reader.url("website", org.website);
  reader.texts("tags", org.tags);
}

}  // namespace sv::decode
