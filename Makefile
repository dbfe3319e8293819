# nefmilter: plain GNU make.  Everything is overridable from the command line:
#   make CC=clang OPT=-O1 PREFIX=/usr DESTDIR=/tmp/pkg install
#
# Targets: all check demo bench fuzz install uninstall clean lint deps deb

CC       ?= cc
OPT      ?= -O2 -g
PREFIX   ?= /usr/local
DESTDIR  ?=
SBINDIR  ?= $(PREFIX)/sbin
MANDIR   ?= $(PREFIX)/share/man
SYSCONFDIR ?= /etc
UNITDIR  ?= $(PREFIX)/lib/systemd/system
TMPFILESDIR ?= $(PREFIX)/lib/tmpfiles.d
XLDFLAGS ?=
BUILD    ?= build
SAN      ?=
VERSION  := 0.9.0
V        ?= 0
ifeq ($(V),0)
Q = @
endif

WARN     = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wpointer-arith -Wformat=2 -Wno-format-nonliteral -Wvla
ifeq ($(SAN),1)
SANFLAGS = -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
endif
BASE_CFLAGS = -std=gnu11 $(OPT) $(WARN) $(SANFLAGS) -D_GNU_SOURCE -DNEF_VERSION='"$(VERSION)"' \
              -DNEF_SYSCONFDIR='"$(SYSCONFDIR)"' $(XCFLAGS)

PKGS      = milter gmime-3.0 libcurl lmdb jansson
# Recursive (=) so that pkg-config runs only when a milter/ object is built.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS)) -pthread
CMOCKA_LIBS = $(shell pkg-config --libs cmocka)
# The PDF helper alone links the PDF engine (static libmupdf, its
# third-party libraries, HarfBuzz) and libseccomp; nefmilter never does.
PDF_PKGS   = mupdf harfbuzz libseccomp jansson
PDF_CFLAGS = $(shell pkg-config --cflags $(PDF_PKGS))
PDF_LIBS   = $(shell pkg-config --libs --static mupdf) \
             $(shell pkg-config --libs harfbuzz libseccomp jansson) -lm

POLICY_SRC  := $(sort $(wildcard policy/*.c))
ADAPTER_SRC := $(filter-out milter/main.c milter/nefctl.c,$(sort $(wildcard milter/*.c)))
UNIT_SRC    := $(sort $(wildcard tests/unit/test_*.c))
TOOL_SRC    := $(sort $(wildcard tests/tools/*.c))
BENCH_SRC   := $(sort $(wildcard tests/bench/*.c))
PDF_SRC     := $(filter-out pdf/nefpdf.c,$(sort $(wildcard pdf/*.c)))
FUZZ_SRC    := $(sort $(wildcard tests/fuzz/fuzz_*.c))

POLICY_OBJ  := $(POLICY_SRC:%.c=$(BUILD)/%.o)
ADAPTER_OBJ := $(ADAPTER_SRC:%.c=$(BUILD)/%.o)
PDF_OBJ     := $(PDF_SRC:%.c=$(BUILD)/%.o)
UNIT_BIN    := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
TOOL_BIN    := $(TOOL_SRC:tests/tools/%.c=$(BUILD)/tools/%)
BENCH_BIN   := $(BENCH_SRC:tests/bench/%.c=$(BUILD)/bench/%)
LIBPOLICY   := $(BUILD)/libnefpolicy.a
LIBADAPT    := $(BUILD)/libnefadapt.a
LIBPDF      := $(BUILD)/libnefpdf.a
PROGS       := $(BUILD)/nefmilter $(BUILD)/nefctl $(BUILD)/nefpdf
# systemd units make install puts in UNITDIR (SBINDIR substituted)
UNITS       := contrib/systemd/nefmilter.service \
               contrib/prometheus/nefmilter-metrics.service \
               contrib/prometheus/nefmilter-metrics.timer \
               contrib/digest/nefmilter-digest.service \
               contrib/digest/nefmilter-digest.timer

.PHONY: all check test unit demo bench fuzz install uninstall clean lint deps tools deb
.DEFAULT_GOAL := all

all: $(PROGS)

# policy/ is compiled without any library include path: it cannot reach them.
$(BUILD)/policy/%.o: policy/%.c
	@mkdir -p $(@D)
	@echo '  CC      $<'
	$(Q)$(CC) $(BASE_CFLAGS) -Ipolicy -MMD -MP -c -o $@ $<

$(BUILD)/milter/%.o: milter/%.c
	@mkdir -p $(@D)
	@echo '  CC      $<'
	$(Q)$(CC) $(BASE_CFLAGS) -Ipolicy -Imilter $(PKG_CFLAGS) -MMD -MP -c -o $@ $<

# pdf/ alone sees the PDF engine's headers.
$(BUILD)/pdf/%.o: pdf/%.c
	@mkdir -p $(@D)
	@echo '  CC      $<'
	$(Q)$(CC) $(BASE_CFLAGS) -Ipolicy -Ipdf $(PDF_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/tests/%.o: tests/%.c
	@mkdir -p $(@D)
	@echo '  CC      $<'
	$(Q)$(CC) $(BASE_CFLAGS) -Wno-missing-prototypes -Ipolicy -Imilter -Itests/lib $(PKG_CFLAGS) -MMD -MP -c -o $@ $<

$(LIBPOLICY): $(POLICY_OBJ)
	@mkdir -p $(@D)
	$(Q)rm -f $@ && ar rcs $@ $^

$(LIBADAPT): $(ADAPTER_OBJ)
	@mkdir -p $(@D)
	$(Q)rm -f $@ && ar rcs $@ $^

$(LIBPDF): $(PDF_OBJ)
	@mkdir -p $(@D)
	$(Q)rm -f $@ && ar rcs $@ $^

$(BUILD)/nefpdf: $(BUILD)/pdf/nefpdf.o $(LIBPDF) $(LIBPOLICY)
	@echo '  LD      $@'
	$(Q)$(CC) $(BASE_CFLAGS) $(XLDFLAGS) -o $@ $^ $(PDF_LIBS)

$(BUILD)/nefmilter: $(BUILD)/milter/main.o $(LIBADAPT) $(LIBPOLICY)
	@echo '  LD      $@'
	$(Q)$(CC) $(BASE_CFLAGS) $(XLDFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/nefctl: $(BUILD)/milter/nefctl.o $(LIBADAPT) $(LIBPOLICY)
	@echo '  LD      $@'
	$(Q)$(CC) $(BASE_CFLAGS) $(XLDFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/tests/test_%: $(BUILD)/tests/unit/test_%.o $(LIBADAPT) $(LIBPOLICY)
	@echo '  LD      $@'
	$(Q)$(CC) $(BASE_CFLAGS) -o $@ $^ $(PKG_LIBS) $(CMOCKA_LIBS)

$(BUILD)/tools/%: $(BUILD)/tests/tools/%.o $(LIBADAPT) $(LIBPOLICY)
	@mkdir -p $(@D)
	@echo '  LD      $@'
	$(Q)$(CC) $(BASE_CFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/bench/%: $(BUILD)/tests/bench/%.o $(LIBADAPT) $(LIBPOLICY)
	@mkdir -p $(@D)
	@echo '  LD      $@'
	$(Q)$(CC) $(BASE_CFLAGS) -o $@ $^ $(PKG_LIBS)

unit: $(UNIT_BIN)
tools: $(TOOL_BIN)

# The README's test command: install what is missing, build (warnings are
# errors), build the unit tests a second time under ASan+UBSan with clang,
# then run everything.  The last line printed is "N passed, N failed".
check:
	@sh mk/deps.sh
	$(MAKE) all unit tools
	$(MAKE) BUILD=build-san CC=clang SAN=1 OPT='-O1 -g' all unit tools
	@bash tests/run

test: check

lint:
	@sh mk/lint.sh

deps:
	@sh mk/deps.sh

# make demo MTA=sendmail: the same demo through Sendmail.
MTA ?= postfix
demo:
	@sh mk/deps.sh
	$(MAKE) all tools
	@BUILD=$(BUILD) MTA=$(MTA) bash contrib/demo.sh

bench:
	@sh mk/deps.sh
	$(MAKE) all tools $(BENCH_BIN)
	@bash tests/bench/run

# libFuzzer targets (clang).  FUZZ_SECONDS bounds each target.
FUZZ_SECONDS ?= 300
fuzz:
	@sh mk/deps.sh
	@FUZZ_SECONDS=$(FUZZ_SECONDS) bash tests/fuzz/run

# The directories make install makes.  Installed straight into PREFIX (no
# DESTDIR: a staged install is for a package, whose manager removes its
# directories), the ones that did not exist are listed in INSTMANIFEST
# for make uninstall, which removes them again once they are empty.
INSTDIRS    = $(SBINDIR) $(MANDIR)/man5 $(MANDIR)/man8 $(SYSCONFDIR)/nefmilter \
              $(UNITDIR) $(TMPFILESDIR)
INSTMANIFEST = $(PREFIX)/share/nefmilter/installed-dirs

install: all
	sh mk/instdirs.sh make "$(if $(DESTDIR),,$(INSTMANIFEST))" \
	    $(addprefix $(DESTDIR),$(INSTDIRS)) $(if $(DESTDIR),,$(patsubst %/,%,$(dir $(INSTMANIFEST))))
	install -m 0755 $(BUILD)/nefmilter $(BUILD)/nefctl $(BUILD)/nefpdf $(DESTDIR)$(SBINDIR)/
	install -m 0644 conf/nefmilter.8 conf/nefctl.8 conf/nefpdf.8 $(DESTDIR)$(MANDIR)/man8/
	install -m 0644 conf/nefmilter.conf.5 $(DESTDIR)$(MANDIR)/man5/
	test -f $(DESTDIR)$(SYSCONFDIR)/nefmilter/nefmilter.conf || \
	  install -m 0644 conf/nefmilter.conf $(DESTDIR)$(SYSCONFDIR)/nefmilter/nefmilter.conf
	for u in $(UNITS); do \
	  sed -e 's|@SBINDIR@|$(SBINDIR)|g' -e 's|/usr/local/sbin/|$(SBINDIR)/|g' \
	      -e 's|@SYSCONFDIR@|$(SYSCONFDIR)|g' $$u >$(DESTDIR)$(UNITDIR)/$${u##*/} && \
	  chmod 0644 $(DESTDIR)$(UNITDIR)/$${u##*/} || exit 1; \
	done
	install -m 0644 contrib/systemd/nefmilter.tmpfiles $(DESTDIR)$(TMPFILESDIR)/nefmilter.conf

uninstall:
	rm -f $(DESTDIR)$(SBINDIR)/nefmilter $(DESTDIR)$(SBINDIR)/nefctl \
	      $(DESTDIR)$(SBINDIR)/nefpdf $(DESTDIR)$(MANDIR)/man8/nefpdf.8 \
	      $(DESTDIR)$(MANDIR)/man8/nefmilter.8 $(DESTDIR)$(MANDIR)/man8/nefctl.8 \
	      $(DESTDIR)$(MANDIR)/man5/nefmilter.conf.5 \
	      $(addprefix $(DESTDIR)$(UNITDIR)/,$(notdir $(UNITS))) \
	      $(DESTDIR)$(TMPFILESDIR)/nefmilter.conf
	@# the sample configuration goes only while it is still the sample
	@c=$(DESTDIR)$(SYSCONFDIR)/nefmilter/nefmilter.conf; \
	if cmp -s conf/nefmilter.conf "$$c"; then rm -f "$$c"; \
	elif [ -e "$$c" ]; then echo "kept $$c: it is not the sample any more"; fi
	-@rmdir $(DESTDIR)$(SYSCONFDIR)/nefmilter 2>/dev/null || true
	@sh mk/instdirs.sh remove "$(DESTDIR)$(INSTMANIFEST)"

# A Debian package from the packaging in debian/ (dpkg-buildpackage and
# debhelper, built in a copy of the tree); the .deb lands in DEBDIR.
DEBDIR ?= $(BUILD)/deb
deb:
	@sh mk/deps.sh
	@sh mk/deb.sh $(DEBDIR)

clean:
	rm -rf build build-san build-fuzz

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
