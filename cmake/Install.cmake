# What `cmake --install` puts where, and the Debian packages CPack makes of it:
#
#   lede         (component cli)  bin/lede, its man page, bash/zsh/fish completions
#   liblede-dev  (component dev)  liblede.a, include/lede/*.h, a CMake package
#                                 (find_package(lede) -> lede::lede), lede.pc
#
# The binary needs nothing beside it (the rule packs are compiled in); the
# Debian dependencies of both packages are those of Debian 12.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS lede EXPORT ledeTargets ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev)
install(DIRECTORY lib/include/lede DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT dev)
set(cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/lede)
install(EXPORT ledeTargets NAMESPACE lede:: DESTINATION ${cmake_dir} COMPONENT dev)
configure_package_config_file(cmake/ledeConfig.cmake.in ledeConfig.cmake INSTALL_DESTINATION ${cmake_dir})
# 0.x: a minor version may break the API.
write_basic_package_version_file(ledeConfigVersion.cmake COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/ledeConfig.cmake ${PROJECT_BINARY_DIR}/ledeConfigVersion.cmake
        DESTINATION ${cmake_dir} COMPONENT dev)
# The .pc finds its prefix from where it lies, so that the tree can move
# (CPack installs it under /usr, tests under a temporary directory).
file(RELATIVE_PATH pc_to_prefix ${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig ${CMAKE_INSTALL_PREFIX})
configure_file(cmake/lede.pc.in lede.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/lede.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT dev)

if(LEDE_BUILD_CLI)
  install(TARGETS lede_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT cli)
  # The man page and completions come from the flag table, as --help does,
  # so they cannot drift from the options the binary takes.
  set(generated "")
  foreach(kind_file IN ITEMS "man;lede.1.gz" "bash;lede.bash" "zsh;_lede" "fish;lede.fish")
    list(GET kind_file 0 kind)
    list(GET kind_file 1 file)
    set(gzip "")
    if(file MATCHES "\\.gz$")
      set(gzip "| gzip -9n")  # -n: no time stamp, so that builds are reproducible
    endif()
    add_custom_command(OUTPUT ${PROJECT_BINARY_DIR}/${file}
                       COMMAND sh -c "\"$1\" --generate ${kind} ${gzip} > \"$2\"" generate
                               $<TARGET_FILE:lede_cli> ${PROJECT_BINARY_DIR}/${file}
                       DEPENDS lede_cli VERBATIM)
    list(APPEND generated ${PROJECT_BINARY_DIR}/${file})
  endforeach()
  add_custom_target(lede_generated ALL DEPENDS ${generated})
  install(FILES ${PROJECT_BINARY_DIR}/lede.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT cli)
  install(FILES ${PROJECT_BINARY_DIR}/lede.bash RENAME lede
          DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions COMPONENT cli)
  install(FILES ${PROJECT_BINARY_DIR}/_lede DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions
          COMPONENT cli)
  install(FILES ${PROJECT_BINARY_DIR}/lede.fish DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d
          COMPONENT cli)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME lede)
set(CPACK_PACKAGE_VENDOR lede)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "entities, values and agreements in news text")
set(CPACK_PACKAGE_CONTACT "lede maintainers <maintainers@lede.invalid>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL cli dev)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_CLI_PACKAGE_NAME lede)
# The summary line is CPACK_PACKAGE_DESCRIPTION_SUMMARY; these are the rest.
set(CPACK_COMPONENT_CLI_DESCRIPTION
    "lede reads news articles and writes what is in them as JSON Lines, JSON, TSV, marked-up text or an HTML report: organizations, people, places, dates, amounts, and the agreements between parties.")
# dpkg-shlibdeps reads the binary's shared libraries (ICU, RE2, fmt, oneTBB,
# libarchive, simdjson, Boost) off the build machine: Debian 12 packages.
set(CPACK_DEBIAN_CLI_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_DEV_PACKAGE_NAME liblede-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_COMPONENT_DEV_DESCRIPTION
    "liblede, the library behind the lede command: a static library with its headers, a CMake package (find_package(lede)) and a pkg-config file.")
# liblede is static: a program linking it links what it uses.
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS
    "libicu-dev (>= 72), libre2-dev, libfmt-dev, libtomlplusplus-dev, libsimdjson-dev, libtbb-dev, libarchive-dev, pkg-config")
include(CPack)
