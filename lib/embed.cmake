# Writes OUT: a C++ table of the files under DIR (recursively, sorted, named
# by their path below DIR), each file's bytes as an array, returned by
# NAMESPACE::FUNC() as a std::vector<sv::EmbeddedFile> (core/embedded.h),
# declared in HEADER.
# Usage: cmake -DOUT=file.cpp -DDIR=dir -DHEADER=render/templates.h
#              -DNAMESPACE=sv::render -DFUNC=builtin_templates -P embed.cmake
file(GLOB_RECURSE files RELATIVE ${DIR} ${DIR}/*)
list(SORT files)
file(RELATIVE_PATH from ${CMAKE_CURRENT_LIST_DIR} ${DIR})
set(body "// Generated from lib/${from} by lib/embed.cmake. Do not edit.\n#include \"${HEADER}\"\nnamespace ${NAMESPACE} {\n")
set(table "")
set(i 0)
foreach(f ${files})
  file(READ ${DIR}/${f} hex HEX)
  string(REGEX REPLACE "(..)" "0x\\1," bytes "${hex}")
  string(APPEND body "static const unsigned char t${i}[] = {${bytes}0};\n")
  string(APPEND table "  {\"${f}\", std::string_view(reinterpret_cast<const char*>(t${i}), sizeof t${i} - 1)},\n")
  math(EXPR i "${i} + 1")
endforeach()
string(APPEND body "const std::vector<sv::EmbeddedFile>& ${FUNC}() {\n  static const std::vector<sv::EmbeddedFile> all = {\n${table}  };\n  return all;\n}\n}  // namespace ${NAMESPACE}\n")
file(WRITE ${OUT}.tmp "${body}")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
