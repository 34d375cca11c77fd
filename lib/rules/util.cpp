#include "rules/util.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "history.h"
#include "text.h"

namespace sv::rules {

std::optional<Date> plan_last_revision(const Context& c, const Plan& p) {
  if (p.revised.set) return p.revised.v;
  std::optional<Date> out;
  if (p.approved.set && p.approved.v.date.set) out = p.approved.v.date.v;
  // The newest commit that changed the plan (up to today) counts too.
  if (auto changed = c.history ? last_change(*c.history, p.id.v, c.today) : std::nullopt)
    if (!out || *changed > *out) out = changed;
  return out;
}

const Organisation* root_organisation(const Repo& repo, std::string_view org) {
  const Organisation* o = repo.find_as<Organisation>(org);
  std::set<std::string> seen;
  while (o && o->parent.set && seen.insert(o->id.v).second) {
    const Organisation* up = repo.find_as<Organisation>(o->parent.v);
    if (!up) break;
    o = up;
  }
  return o;
}

const Organisation* party_for(const Repo& repo, const Collaboration& collab, std::string_view org) {
  const Organisation* o = repo.find_as<Organisation>(org);
  std::set<std::string> seen;
  while (o && seen.insert(o->id.v).second) {
    for (const auto& p : collab.parties.v)
      if (p.v == o->id.v) return o;
    if (!o->parent.set) break;
    o = repo.find_as<Organisation>(o->parent.v);
  }
  return nullptr;
}

std::string org_label(const Repo& repo, std::string_view org) {
  const Organisation* o = repo.find_as<Organisation>(org);
  if (o && o->name.set && !o->name.v.empty()) return fmt::format("{} ({})", o->name.v, org);
  return std::string(org);
}

std::vector<const Meeting*> meetings_of(const Repo& repo, std::string_view forum) {
  std::vector<const Meeting*> out;
  for (const auto& m : repo.meetings)
    if (m.forum.set && m.forum.v == forum && m.date.set) out.push_back(&m);
  std::sort(out.begin(), out.end(), [](const Meeting* a, const Meeting* b) {
    return std::tie(a->date.v, a->id.v) < std::tie(b->date.v, b->id.v);
  });
  return out;
}

std::vector<const Forum*> forums_of(const Repo& repo, std::string_view collab,
                                    std::initializer_list<std::string_view> types) {
  std::vector<const Forum*> out;
  for (const auto& f : repo.forums)
    if (f.collaboration.set && f.collaboration.v == collab && f.type.set &&
        std::find(types.begin(), types.end(), f.type.v) != types.end())
      out.push_back(&f);
  std::sort(out.begin(), out.end(), [](const Forum* a, const Forum* b) { return a->id.v < b->id.v; });
  return out;
}

void check_party_membership(Context& c, std::initializer_list<std::string_view> types, const Tr& msg,
                            const Tr& help) {
  for (const auto& collab : c.repo.collaborations) {
    if (!collab.id.set) continue;
    auto forums = forums_of(c.repo, collab.id.v, types);
    if (forums.empty()) continue;
    std::vector<std::string> names;
    for (const Forum* f : forums) names.push_back(f->id.v);
    for (const auto& party : collab.parties.v) {
      if (!c.repo.find_as<Organisation>(party.v)) continue;  // reported by validation
      bool member = false;
      for (const Forum* f : forums)
        for (const auto& m : f->members.v)
          if (const Organisation* p = party_for(c.repo, collab, m.organisation.v); p && p->id.v == party.v)
            member = true;
      if (member) continue;
      c.report(party.span, collab.id.v, party.v,
               msg_of(msg, org_label(c.repo, party.v), collab.id.v, join(names)), msg_of(help, party.v));
    }
  }
}

std::optional<int> cadence_days(std::string_view cadence) {
  static const std::pair<std::string_view, int> table[] = {
      {"weekly", 7},      {"biweekly", 14},  {"monthly", 31}, {"bimonthly", 61},
      {"quarterly", 92}, {"semiannual", 183}, {"annual", 366},
  };
  for (const auto& [name, days] : table)
    if (name == cadence) return days;
  return std::nullopt;
}

// Reads n digits at s[i..] into out; false if any is not a digit.
static bool digits_at(std::string_view s, size_t i, size_t n, std::string& out) {
  if (i + n > s.size()) return false;
  for (size_t k = i; k < i + n; ++k) {
    if (!std::isdigit(static_cast<unsigned char>(s[k]))) return false;
    out += s[k];
  }
  return true;
}

// The ten-digit form YYMMDDNNNC (and the full year, if known) of a match.
static bool valid_personal(const std::string& ten, int full_year, bool& coordination) {
  int yy = std::stoi(ten.substr(0, 2)), mm = std::stoi(ten.substr(2, 2)), dd = std::stoi(ten.substr(4, 2));
  // YY alone: 19YY and 20YY are leap years alike, except 1900/2000; accept either.
  int year = full_year ? full_year : 2000 + yy;
  coordination = dd > 60;
  if (coordination) dd -= 60;
  if (mm < 1 || mm > 12 || dd < 1 || dd > days_in_month(year, mm)) return false;
  return luhn_ok(ten);
}

std::vector<PersonalNumber> find_personal_numbers(std::string_view s) {
  std::vector<PersonalNumber> out;
  auto is_digit = [&](size_t i) { return i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])); };
  for (size_t i = 0; i < s.size(); ++i) {
    if (!is_digit(i) || (i > 0 && is_digit(i - 1))) continue;  // only at the start of a digit run
    // Forms, longest first: YYYYMMDD[-+]NNNC, YYYYMMDDNNNC, YYMMDD[-+]NNNC, YYMMDDNNNC.
    for (int century : {1, 0}) {
      size_t head = century ? 8 : 6;
      std::string d;
      if (!digits_at(s, i, head, d)) continue;
      size_t j = i + head;
      bool sep = j < s.size() && (s[j] == '-' || s[j] == '+');
      if (sep) ++j;
      if (!digits_at(s, j, 4, d) || is_digit(j + 4)) continue;
      int full_year = century ? std::stoi(d.substr(0, 4)) : 0;
      if (century && (full_year < 1800 || full_year > 2199)) continue;
      std::string ten = century ? d.substr(2) : d;
      PersonalNumber p;
      if (!valid_personal(ten, full_year, p.coordination)) continue;
      p.pos = i;
      p.len = j + 4 - i;
      p.masked = std::string(s.substr(i, head)) + (sep ? std::string(1, s[i + head]) : std::string()) + "****";
      out.push_back(p);
      i = j + 3;
      break;
    }
  }
  return out;
}

std::vector<NumberingProblem> numbering_problems(const std::vector<int>& numbers) {
  std::vector<NumberingProblem> out;
  std::set<int> seen;
  int expected = numbers.empty() ? 1 : numbers[0];  // a series may start anywhere (§ 45, § 46, ...)
  for (size_t i = 0; i < numbers.size(); ++i) {
    int n = numbers[i];
    if (seen.count(n)) {
      out.push_back({NumberingProblem::Kind::repeat, i, expected});
      continue;
    }
    seen.insert(n);
    if (n > expected) {
      out.push_back({NumberingProblem::Kind::skip, i, expected});
    } else if (n < expected) {
      out.push_back({NumberingProblem::Kind::backwards, i, expected});
      continue;
    }
    expected = n + 1;
  }
  return out;
}

}  // namespace sv::rules
