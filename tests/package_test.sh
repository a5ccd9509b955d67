#!/usr/bin/env bash
# The installed package works: `cmake --install` into a temporary prefix puts
# every file in place, the man page and completions parse, and the program
# of docs/library.md builds against it with find_package(lede) and with
# pkg-config, runs, and prints what the page says.
#
#   tests/package_test.sh BUILD_DIR "CXX_FLAGS"
#
# CXX_FLAGS are the build's sanitizer flags, which a consumer of an
# instrumented liblede must use too.
set -uo pipefail

BUILD=$(realpath "$1")
FLAGS=${2:-}
source "$(dirname "$0")/test_lib.sh" "$BUILD/cli/lede"
PREFIX=$WORK/prefix

# expect NAME COMMAND...: the command succeeds.
expect() {
  local name=$1
  shift
  checks=$((checks + 1))
  "$@" >"$WORK/log" 2>&1 || fail "$name"$'\n'"$(tail -20 "$WORK/log")"
}

expect "cmake --install" cmake --install "$BUILD" --prefix "$PREFIX"
libdir=$(dirname "$(find "$PREFIX" -name liblede.a)")
for file in bin/lede share/man/man1/lede.1.gz share/bash-completion/completions/lede \
  share/zsh/vendor-completions/_lede share/fish/vendor_completions.d/lede.fish include/lede/extractor.h; do
  expect "installed $file" test -f "$PREFIX/$file"
done
for file in liblede.a cmake/lede/ledeConfig.cmake cmake/lede/ledeConfigVersion.cmake cmake/lede/ledeTargets.cmake \
  pkgconfig/lede.pc; do
  expect "installed lib/.../$file" test -f "$libdir/$file"
done
expect "installed lede runs" "$PREFIX/bin/lede" --version

# The man page: groff reads it without a warning and it names every option.
checks=$((checks + 1))
warnings=$(zcat "$PREFIX/share/man/man1/lede.1.gz" | groff -man -Tutf8 -ww -z 2>&1)
[[ -z "$warnings" ]] || fail "man page: groff warns: $warnings"
page=$(zcat "$PREFIX/share/man/man1/lede.1.gz" | groff -man -Tutf8 2>/dev/null | col -b)
for option in --format --color --fail-if --count --generate --gold; do
  checks=$((checks + 1))
  grep -q -- "$option" <<<"$page" || fail "man page: no $option"
done

# The completions parse in their shells (those installed) and offer the formats.
expect "bash completion parses" bash -n "$PREFIX/share/bash-completion/completions/lede"
checks=$((checks + 1))
completions=$(bash -c "source '$PREFIX/share/bash-completion/completions/lede'
  COMP_WORDS=(lede --format t); COMP_CWORD=2; _lede; echo \"\${COMPREPLY[*]}\"")
[[ "$completions" == "tsv text" ]] || fail "bash completes '--format t' to '$completions', expected 'tsv text'"
command -v zsh >/dev/null && expect "zsh completion parses" zsh -n "$PREFIX/share/zsh/vendor-completions/_lede"
if command -v fish >/dev/null; then
  expect "fish completion parses" fish --no-execute "$PREFIX/share/fish/vendor_completions.d/lede.fish"
  checks=$((checks + 1))
  completions=$(fish -c "source '$PREFIX/share/fish/vendor_completions.d/lede.fish'; complete -C 'lede --color '" | cut -f1 | tr '\n' ' ')
  [[ "$completions" == "always auto never " ]] || fail "fish completes '--color ' to '$completions'"
fi

# docs/library.md's program and CMake file, as the page shows them.
mkdir -p "$WORK/example"
awk '/^```cpp$/ {on=1; next} /^```$/ {on=0} on' docs/library.md >"$WORK/example/main.cpp"
awk '/^```cmake$/ {on=1; next} /^```$/ {on=0} on' docs/library.md >"$WORK/example/CMakeLists.txt"
expected=$(awk '/^```text$/ {on=1; next} /^```$/ {on=0} on' docs/library.md)
expect "example: cmake configure" cmake -S "$WORK/example" -B "$WORK/example/build" -G Ninja \
  -DCMAKE_PREFIX_PATH="$PREFIX" -DCMAKE_CXX_FLAGS="$FLAGS" -DCMAKE_EXE_LINKER_FLAGS="$FLAGS"
expect "example: cmake build" cmake --build "$WORK/example/build"
expect_output() {
  checks=$((checks + 1))
  local actual
  actual=$("$2" 2>&1)
  [[ "$actual" == "$expected" ]] || fail "$1 prints"$'\n'"$actual"$'\n'"expected"$'\n'"$expected"
}
expect_output "example (find_package)" "$WORK/example/build/lede_example"
# shellcheck disable=SC2046,SC2086
expect "example: pkg-config build" c++ -std=c++20 $FLAGS "$WORK/example/main.cpp" -o "$WORK/example/pc" \
  $(PKG_CONFIG_PATH="$libdir/pkgconfig" pkg-config --cflags --libs lede)
expect_output "example (pkg-config)" "$WORK/example/pc"

finish
