#include "core/model.h"

namespace sv {

const Entity& EntityLists::entity(EntityRef r) const {
  return visit_kind(r.kind, [&](auto type) -> const Entity& { return of<typename decltype(type)::type>()[r.index]; });
}

const Entity* Repo::find(std::string_view id) const {
  auto it = ids.find(std::string(id));
  return it == ids.end() ? nullptr : &entity(it->second);
}

size_t EntityLists::entity_count() const {
  size_t n = 0;
  for_each_list([&](const auto& list) { n += list.size(); });
  return n;
}

}  // namespace sv
