# twinhall: the program of the Twinned Cities Hall.
# `make run` and `make test` install what is missing (Debian 12), build, and go.

PREFIX  ?= /usr/local
BUILD   ?= build
CC      ?= cc
CFLAGS  ?= -O2 -g
# The version is debian/changelog's first entry: one place for the
# package, --version and the panel.
VERSION := $(shell sed -n '1s/^[^(]*(\([^)]*\)).*/\1/p' debian/changelog)

# Debian packages: to build and run, and in addition to test.
DEB_BUILD := gcc make pkg-config libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libyaml-dev libcec-dev \
             libjpeg62-turbo-dev libpng-dev libheif-dev libdrm-dev libxext-dev libx11-dev gettext \
             fonts-noto-core fonts-noto-cjk
DEB_TEST  := xvfb xauth xdotool x11-xserver-utils imagemagick libheif-examples clang-format git \
             systemd tzdata time clang libclang-rt-14-dev libcec6
DEB_BENCH := feh xvfb libgl1-mesa-dri libglx-mesa0
PKGS      := sdl2 SDL2_ttf SDL2_image yaml-0.1 libjpeg libpng16 libheif libdrm xext x11

# Short lines while building; `make V=1` shows the whole commands.
Q = @
ifeq ($(V),1)
Q =
endif

WARN := -Wall -Wextra -Wshadow -Wvla -Wwrite-strings -Wstrict-prototypes \
        -Wmissing-prototypes -Werror
# Recursive (=) so pkg-config runs after `deps` has installed it.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS)) -lpthread -lm
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE -DTWINHALL_VERSION='"$(VERSION)"' \
             -DTWINHALL_DATADIR='"$(PREFIX)/share/twinhall"' \
             -DTWINHALL_LOCALEDIR='"$(PREFIX)/share/locale"' -Isrc $(WARN) $(CFLAGS) $(PKG_CFLAGS)

# src/<folder>/<name>.c, folders by subsystem (src/layers.txt); headers are
# included as "folder/name.h", resolved from src/.
SRC       := $(wildcard src/*/*.c)
OBJ       := $(SRC:src/%.c=$(BUILD)/obj/%.o)
CORE_OBJ  := $(filter-out $(BUILD)/obj/app/main.o,$(OBJ))
TEST_SRC  := $(wildcard tests/unit/test_*.c)
TEST_BIN  := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
TOOL_SRC  := $(wildcard tests/tools/*.c)
TOOL_BIN  := $(TOOL_SRC:tests/tools/%.c=$(BUILD)/tools/%)
BENCH_SRC := $(wildcard tests/bench/*.c)
BENCH_BIN := $(BENCH_SRC:tests/bench/%.c=$(BUILD)/bench/%)
BENCH_GEN := $(BUILD)/bench/make_bench_photos
BENCH_CONTENT := $(BUILD)/bench/content

STAMP     := $(BUILD)/deps.stamp

# Staff's messages in their language (base/i18n.h): po/<lang>.po, built
# beside the program (build/locale, where it looks first) and installed.
LOCALES   := ru
MO        := $(LOCALES:%=$(BUILD)/locale/%/LC_MESSAGES/twinhall.mo)

.PHONY: deb deb-test deb-boot-test bench-audit all run test test-fast debug lint format deps test-deps clean check bench install uninstall soak fuzz fuzz-build pot po
all: $(BUILD)/twinhall $(MO)

# `make deb`: the Debian package, in build/deb/. dpkg-buildpackage builds
# a copy of the source in build/deb/src (its clean step empties that
# copy's build/, never this one's) and writes the package beside it.
# Needs debhelper and dpkg-dev.
DEB_TOOLS := debhelper dpkg-dev fakeroot
deb: deps
	$(call apt_install_missing,$(DEB_TOOLS))
	@rm -rf $(BUILD)/deb && mkdir -p $(BUILD)/deb/src
	@tar -c --exclude=./$(BUILD) --exclude=./build --exclude=./.git . | tar -x -C $(BUILD)/deb/src
	cd $(BUILD)/deb/src && dpkg-buildpackage -us -uc -b
	@rm -rf $(BUILD)/deb/src
	@ls $(BUILD)/deb/*.deb

# The package's test: built, its contents, its units, installed in a root.
deb-test: deb
	@BUILD=$(BUILD) TMP=$$(mktemp -d /tmp/twinhall-deb.XXXXXX) bash tests/deb.sh

# The package on a booted Debian 12 (tests/deb_boot.sh): apt install,
# upgrade, remove and purge under a real systemd in a systemd-nspawn
# container. As root; the Debian 12 root is made once in BOOT_CACHE (a
# few minutes), each run then takes about three.
DEB_BOOT   := systemd-container mmdebstrap
BOOT_CACHE ?= /var/cache/twinhall-deb-boot
deb-boot-test: deb
	$(call apt_install_missing,$(DEB_BOOT))
	@BUILD=$(BUILD) BOOT_CACHE=$(BOOT_CACHE) TMP=$$(mktemp -d /tmp/twinhall-boot.XXXXXX) bash tests/deb_boot.sh

# Installs missing Debian packages (through sudo when not root).
define apt_install_missing
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "twinhall: installing Debian packages:$$missing"; \
		if [ "$$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi; \
		$$sudo apt-get update -q && \
		$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing \
			|| { echo "twinhall: could not install:$$missing" >&2; exit 1; }; \
	fi
endef

deps:
	$(call apt_install_missing,$(DEB_BUILD))
	@pkg-config --exists $(PKGS) || { echo "twinhall: pkg-config cannot find: $(PKGS)" >&2; exit 1; }
	@mkdir -p $(BUILD) && touch $(STAMP)

test-deps: deps
	$(call apt_install_missing,$(DEB_TEST))

$(STAMP): Makefile debian/changelog
	@$(MAKE) --no-print-directory deps

$(BUILD)/obj/%.o: src/%.c | $(STAMP)
	@mkdir -p $(@D)
	@echo "  CC    $<"
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

# Resizing's pixel loops: at -O3 GCC vectorises them, and a 24 MP photo's
# resize to the screen takes 10 ms instead of 18.
$(BUILD)/obj/image/scale.o: ALL_CFLAGS += -O3

$(BUILD)/locale/%/LC_MESSAGES/twinhall.mo: po/%.po | $(STAMP)
	@mkdir -p $(@D)
	@echo "  MO    $@"
	$(Q)msgfmt --check --output-file=$@ $<

# po/twinhall.pot from the sources, and po/*.po brought up to it (then
# translate what msgmerge left empty or fuzzy; tests/po.sh fails until then).
# The IT person's scripts say theirs with `gettext -d twinhall "..."`.
SH_I18N   := tools/twinhall-sync tools/twinhall-share content/tools/pre-commit
pot:
	xgettext $$(cat po/xgettext.args) -o po/twinhall.pot $(sort $(SRC))
	xgettext $$(cat po/xgettext-sh.args) -j -o po/twinhall.pot $(SH_I18N)
po: pot
	@for l in $(LOCALES); do msgmerge --quiet --update --backup=none po/$$l.po po/twinhall.pot; done

$(BUILD)/twinhall: $(OBJ)
	@echo "  LD    $@"
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJ) $(PKG_LIBS)

# The tests and benchmarks find the map's land as the program does, beside
# themselves (build/X/../assets): one link makes build/assets the tree's.
$(BUILD)/assets:
	@mkdir -p $(@D)
	@ln -sfn ../assets $@

$(BUILD)/tests/%: tests/unit/%.c $(CORE_OBJ) $(wildcard tests/unit/*.h) | $(BUILD)/assets
	@mkdir -p $(@D)
	@echo "  TEST  $@"
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< $(CORE_OBJ) $(LDFLAGS) $(PKG_LIBS)

$(BUILD)/tools/%: tests/tools/%.c | $(STAMP)
	@mkdir -p $(@D)
	@echo "  TOOL  $@"
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< $(LDFLAGS) $(PKG_LIBS)

$(BUILD)/bench/%: tests/bench/%.c $(CORE_OBJ) $(wildcard tests/bench/*.h) | $(BUILD)/assets
	@mkdir -p $(@D)
	@echo "  BENCH $@"
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< $(CORE_OBJ) $(LDFLAGS) $(PKG_LIBS)

# The photo benchmark's content: content/ with 24 MP photos (not committed;
# images already generated are kept).
$(BENCH_CONTENT)/hall.yaml: $(BENCH_GEN) content/hall.yaml $(wildcard content/cities/*/city.yaml)
	$(Q)$(BENCH_GEN) content $(BENCH_CONTENT)

# Benchmarks: figures, not pass/fail timings. bench_text measures the real
# content's text; bench_photos the generated photo set, headless on the
# software renderer, then on OpenGL (Mesa in an Xvfb of its own: the
# renderer the hall draws with; one line instead when there is none), each
# at 1920x1080 and 3840x2160 (BENCH_SIZES), each with the derivative cache
# cold (an empty folder) and then warm (the same folder again);
# bench_reload live reload of a copy of content/.
BENCH_SIZES ?= 1920x1080 3840x2160
BENCH_CACHE := $(BUILD)/bench/cache
bench: deps
	$(call apt_install_missing,$(DEB_BENCH))
	@$(MAKE) --no-print-directory all $(BENCH_BIN) $(BENCH_CONTENT)/hall.yaml
	@./$(BUILD)/twinhall --check $(BENCH_CONTENT) | tail -1
	@echo "== bench_text"; ./$(BUILD)/bench/bench_text content
	@for size in $(BENCH_SIZES); do for r in software opengl; do \
		rm -rf $(BENCH_CACHE)-$$r-$$size; \
		for cache in cold warm; do \
			echo "== bench_photos ($$r, $$size, derivative cache $$cache)"; \
			if [ $$r = software ]; then \
				BENCH_CACHE=$(BENCH_CACHE)-$$r-$$size env -u SDL_RENDER_DRIVER \
					./$(BUILD)/bench/bench_photos $(BENCH_CONTENT) $$size || exit 1; \
			else \
				BENCH_CACHE=$(BENCH_CACHE)-$$r-$$size bash tests/bench/bench_opengl.sh \
					./$(BUILD)/bench/bench_photos $(BENCH_CONTENT) $$size || exit 1; \
			fi; \
		done; done; done
	@echo "== bench_reload"; ./$(BUILD)/bench/bench_reload content

# Does each piece of the performance machinery pay? (tests/bench/bench_audit.sh;
# long: RUNS rounds of five variants under two renderers.)
RUNS ?= 3
bench-audit: deps
	$(call apt_install_missing,$(DEB_BENCH))
	@$(MAKE) --no-print-directory all $(BENCH_BIN) $(BENCH_CONTENT)/hall.yaml
	@RUNS=$(RUNS) bash tests/bench/bench_audit.sh ./$(BUILD)/bench/bench_photos $(BENCH_CONTENT)

run: deps

	@$(MAKE) --no-print-directory all
	./$(BUILD)/twinhall $(ARGS)

check: all
	./$(BUILD)/twinhall --check content

# The builds of make test run on every core (it has four builds to make).
NPROC := $(shell nproc 2>/dev/null || echo 1)
test: test-deps
	@$(MAKE) --no-print-directory -j$(NPROC) all $(TEST_BIN) $(TOOL_BIN) $(FUZZ_BIN)
	@$(MAKE) --no-print-directory -j$(NPROC) debug
	@BUILD=$(BUILD) tests/run.sh

# The quick round while working: the unit tests and the renders against
# the golden images only (well under a minute); make test runs them all.
test-fast: test-deps
	@$(MAKE) --no-print-directory -j$(NPROC) all $(TEST_BIN) $(TOOL_BIN)
	@BUILD=$(BUILD) tests/run.sh fast

# The soak: `make soak MINUTES=30` runs the sanitized program with the
# monkey, staff saves and a fast clock, and prints its RSS curve (make test
# runs 30 s of it).
MINUTES ?= 30
soak: test-deps
	@$(MAKE) --no-print-directory debug
	@BUILD=$(BUILD) TMP=$$(mktemp -d /tmp/twinhall-soak.XXXXXX) bash tests/soak.sh $$(($(MINUTES) * 60))

# Fuzzing with libFuzzer (clang): every src/ file but app/main.c built again
# with the fuzzer's coverage and the sanitizers, one program a target.
# `make fuzz SECONDS=N` runs each target N seconds (make test: 10) from
# its seeds and the corpus it has grown in build/fuzz/corpus.
FUZZ_CC     ?= clang
FUZZ_SAN    := -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_CFLAGS  = -std=c11 -D_GNU_SOURCE -DTWINHALL_VERSION='"$(VERSION)"' \
               -DTWINHALL_DATADIR='"$(PREFIX)/share/twinhall"' -Isrc $(WARN) -O1 -g \
               -fno-omit-frame-pointer $(FUZZ_SAN) $(PKG_CFLAGS)
FUZZ_SRC    := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BIN    := $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/fuzz/%)
FUZZ_OBJ    := $(CORE_OBJ:$(BUILD)/obj/%.o=$(BUILD)/fuzz/obj/%.o)
SECONDS     ?= 60

$(BUILD)/fuzz/obj/%.o: src/%.c | $(STAMP)
	@mkdir -p $(@D)
	@echo "  FUZCC $<"
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c $< -o $@

$(BUILD)/fuzz/%: tests/fuzz/%.c tests/fuzz/fuzz.h $(FUZZ_OBJ)
	@echo "  FUZZ  $@"
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_OBJ) $(PKG_LIBS)

.SECONDARY: $(FUZZ_OBJ)
fuzz-build: test-deps
	@$(MAKE) --no-print-directory $(FUZZ_BIN)

fuzz: fuzz-build
	@BUILD=$(BUILD) bash tests/fuzz.sh $(SECONDS)

# Install on the display PC: `sudo make install`; DESTDIR for packages.
# The program, its messages, the home map's land, the IT person's
# scripts, the unit files (and the drop-in that keeps getty off tty1), the
# sysusers.d and tmpfiles.d entries under PREFIX (the /usr/local/lib
# paths are on systemd's search paths), and the sample content in
# CONTENTDIR unless content is there already: staff's content is never
# overwritten, and `make uninstall` leaves it.
BINDIR     = $(PREFIX)/bin
SBINDIR    = $(PREFIX)/sbin
MAN8DIR    = $(PREFIX)/share/man/man8
UNITDIR    = $(PREFIX)/lib/systemd/system
SYSUSERSDIR = $(PREFIX)/lib/sysusers.d
TMPFILESDIR = $(PREFIX)/lib/tmpfiles.d
CONTENTDIR = /var/lib/twinhall/content
UNITS      = twinhall.service twinhall-content-sync.service twinhall-content-sync.timer
# The IT person's scripts (tools/), with this install's paths written in.
SCRIPTS    = twinhall-sync twinhall-share
SED_PATHS  = -e 's|/usr/local/bin/|$(BINDIR)/|g' -e 's|/usr/local/sbin/|$(SBINDIR)/|g' \
             -e 's|/usr/local/share/twinhall/|$(PREFIX)/share/twinhall/|g' \
             -e 's|/var/lib/twinhall/content|$(CONTENTDIR)|g' \
             -e 's|^BINDIR=.*|BINDIR=$(BINDIR)|' -e 's|^LOCALEDIR=.*|LOCALEDIR=$(PREFIX)/share/locale|'

install: deps
	@$(MAKE) --no-print-directory all
	install -D -m 755 $(BUILD)/twinhall $(DESTDIR)$(BINDIR)/twinhall
	@for l in $(LOCALES); do \
		install -D -m 644 $(BUILD)/locale/$$l/LC_MESSAGES/twinhall.mo \
			$(DESTDIR)$(PREFIX)/share/locale/$$l/LC_MESSAGES/twinhall.mo || exit 1; done
	install -D -m 644 systemd/twinhall.sysusers $(DESTDIR)$(SYSUSERSDIR)/twinhall.conf
	@rm -rf $(DESTDIR)$(PREFIX)/share/twinhall/content && mkdir -p $(DESTDIR)$(PREFIX)/share/twinhall && \
		cp -R content $(DESTDIR)$(PREFIX)/share/twinhall/content && \
		sed $(SED_PATHS) tools/twinhall-share.conf >$(DESTDIR)$(PREFIX)/share/twinhall/twinhall-share.conf
	@mkdir -p $(DESTDIR)$(TMPFILESDIR) && \
		sed -e 's|/usr/share/twinhall/content|$(PREFIX)/share/twinhall/content|g' \
			-e 's|/var/lib/twinhall/content|$(CONTENTDIR)|g' \
			systemd/twinhall.tmpfiles >$(DESTDIR)$(TMPFILESDIR)/twinhall.conf && \
		echo "install $(DESTDIR)$(TMPFILESDIR)/twinhall.conf"
	install -D -m 644 assets/map/land.txt $(DESTDIR)$(PREFIX)/share/twinhall/assets/map/land.txt
	@for u in $(UNITS); do \
		mkdir -p $(DESTDIR)$(UNITDIR) && \
		sed $(SED_PATHS) systemd/$$u >$(DESTDIR)$(UNITDIR)/$$u && chmod 644 $(DESTDIR)$(UNITDIR)/$$u || exit 1; \
		echo "install $(DESTDIR)$(UNITDIR)/$$u"; \
	done
	install -D -m 644 man/twinhall.1 $(DESTDIR)$(PREFIX)/share/man/man1/twinhall.1
	install -D -m 644 systemd/getty-tty1-twinhall.conf $(DESTDIR)$(UNITDIR)/getty@tty1.service.d/twinhall.conf
	@for t in $(SCRIPTS); do \
		mkdir -p $(DESTDIR)$(SBINDIR) $(DESTDIR)$(MAN8DIR) && \
		sed $(SED_PATHS) tools/$$t >$(DESTDIR)$(SBINDIR)/$$t && chmod 755 $(DESTDIR)$(SBINDIR)/$$t && \
		install -m 644 man/$$t.8 $(DESTDIR)$(MAN8DIR)/$$t.8 || exit 1; \
		echo "install $(DESTDIR)$(SBINDIR)/$$t"; \
	done
	@if [ -e $(DESTDIR)$(CONTENTDIR) ]; then \
		echo "kept the content already in $(DESTDIR)$(CONTENTDIR)"; \
	else \
		mkdir -p $(DESTDIR)$(CONTENTDIR) && cp -R content/. $(DESTDIR)$(CONTENTDIR)/ && \
		echo "install the sample content in $(DESTDIR)$(CONTENTDIR)"; \
	fi
	@if [ -z "$(DESTDIR)" ] && [ "$$(id -u)" = 0 ] && command -v systemd-sysusers >/dev/null; then \
		systemd-sysusers $(SYSUSERSDIR)/twinhall.conf && \
		systemd-tmpfiles --create $(TMPFILESDIR)/twinhall.conf && \
		{ systemctl daemon-reload 2>/dev/null || true; }; \
	fi

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/twinhall $(DESTDIR)$(SYSUSERSDIR)/twinhall.conf $(DESTDIR)$(PREFIX)/share/man/man1/twinhall.1
	rm -f $(foreach l,$(LOCALES),$(DESTDIR)$(PREFIX)/share/locale/$(l)/LC_MESSAGES/twinhall.mo)
	rm -f $(addprefix $(DESTDIR)$(UNITDIR)/,$(UNITS)) $(DESTDIR)$(TMPFILESDIR)/twinhall.conf
	rm -rf $(DESTDIR)$(PREFIX)/share/twinhall
	rm -f $(DESTDIR)$(UNITDIR)/getty@tty1.service.d/twinhall.conf
	-rmdir $(DESTDIR)$(UNITDIR)/getty@tty1.service.d 2>/dev/null
	rm -f $(addprefix $(DESTDIR)$(SBINDIR)/,$(SCRIPTS)) $(SCRIPTS:%=$(DESTDIR)$(MAN8DIR)/%.8)
	@echo "left the content in $(DESTDIR)$(CONTENTDIR) and the twinhall user"

# AddressSanitizer and UBSan build in build/debug.
debug:
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/debug \
		CFLAGS="-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined" \
		LDFLAGS="-fsanitize=address,undefined" all

FORMAT_FILES = $(wildcard src/*/*.c src/*/*.h tests/unit/*.c tests/unit/*.h tests/tools/*.c tests/fakes/*.c tests/bench/*.c tests/bench/*.h tests/fuzz/*.c tests/fuzz/*.h)
# The format, then the include rule between src/'s folders (src/layers.txt).
lint:
	@clang-format --dry-run --Werror $(FORMAT_FILES) && echo "lint: format is clean"
	@bash tests/tools/check_includes.sh && echo "lint: includes follow src/layers.txt"
	@missing=$$(for f in src/*/*.c; do grep -qF "$$f" docs/architecture.md || \
		grep -qF "\`$$(basename $$f)\`" docs/architecture.md || echo " $$f"; done); \
	if [ -n "$$missing" ]; then echo "lint: not in docs/architecture.md's module map:$$missing"; exit 1; fi; \
	echo "lint: every module is in docs/architecture.md's module map"

format:
	clang-format -i $(FORMAT_FILES)

clean:
	rm -rf $(BUILD)

-include $(OBJ:.o=.d) $(FUZZ_OBJ:.o=.d)
