#include "core/model.h"

namespace sv {

const char* kind_name(Kind k) {
  switch (k) {
    case Kind::organisation: return "organisation";
    case Kind::collaboration: return "collaboration";
    case Kind::forum: return "forum";
    case Kind::plan: return "plan";
    case Kind::meeting: return "meeting";
    case Kind::report: return "report";
  }
  return "?";
}

bool kind_from_name(std::string_view s, Kind& out) {
  for (Kind k : kAllKinds)
    if (s == kind_name(k)) { out = k; return true; }
  return false;
}

const Entity& Repo::entity(EntityRef r) const {
  switch (r.kind) {
    case Kind::organisation: return organisations[r.index];
    case Kind::collaboration: return collaborations[r.index];
    case Kind::forum: return forums[r.index];
    case Kind::plan: return plans[r.index];
    case Kind::meeting: return meetings[r.index];
    case Kind::report: return reports[r.index];
  }
  return organisations.at(r.index);
}

const Entity* Repo::find(std::string_view id) const {
  auto it = ids.find(std::string(id));
  return it == ids.end() ? nullptr : &entity(it->second);
}

size_t Repo::entity_count() const {
  return organisations.size() + collaborations.size() + forums.size() + plans.size() +
         meetings.size() + reports.size();
}

}  // namespace sv
