#include "base/i18n.h"
#include "app/cec_link.h"

#include <dlfcn.h>
#include <libcec/cecc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How long libcec may take to open the adapter (it gives up by itself). */
#define CEC_OPEN_TIMEOUT_MS 10000
#define CEC_MAX_ADAPTERS    4

struct cec_link {
	void *dl; /* left loaded at close: see cec_link_close */
	libcec_connection_t conn;
	bool opened; /* the adapter is open (cec_link_open with use) */
	libcec_connection_t (*initialise)(libcec_configuration *);
	void (*destroy)(libcec_connection_t);
	void (*clear_configuration)(libcec_configuration *);
	int8_t (*detect_adapters)(libcec_connection_t, cec_adapter_descriptor *, uint8_t,
	                          const char *, int);
	int (*open)(libcec_connection_t, const char *, uint32_t);
	void (*close)(libcec_connection_t);
	int (*standby_devices)(libcec_connection_t, cec_logical_address);
	int (*power_on_devices)(libcec_connection_t, cec_logical_address);
	int (*set_active_source)(libcec_connection_t, cec_device_type);
};

#define CEC_FIND(l, field) ((l)->field = (__typeof__((l)->field))dlsym((l)->dl, "libcec_" #field))

/* The C API's functions from l->dl; NULL, or the first one missing. */
static const char *find_functions(struct cec_link *l)
{
	if (!CEC_FIND(l, initialise))
		return "libcec_initialise";
	if (!CEC_FIND(l, destroy))
		return "libcec_destroy";
	if (!CEC_FIND(l, clear_configuration))
		return "libcec_clear_configuration";
	if (!CEC_FIND(l, detect_adapters))
		return "libcec_detect_adapters";
	if (!CEC_FIND(l, open))
		return "libcec_open";
	if (!CEC_FIND(l, close))
		return "libcec_close";
	if (!CEC_FIND(l, standby_devices))
		return "libcec_standby_devices";
	if (!CEC_FIND(l, power_on_devices))
		return "libcec_power_on_devices";
	if (!CEC_FIND(l, set_active_source))
		return "libcec_set_active_source";
	return NULL;
}

/* libcec started as a playback device named "twinhall" that neither wakes
 * the TV nor takes its input when it starts: the opening hours decide. */
static int start(struct cec_link *l, char *why, size_t why_size)
{
	libcec_configuration cfg;
	l->clear_configuration(&cfg);
	cfg.clientVersion = LIBCEC_VERSION_CURRENT;
	snprintf(cfg.strDeviceName, sizeof cfg.strDeviceName, "twinhall");
	cfg.deviceTypes.types[0] = CEC_DEVICE_TYPE_PLAYBACK_DEVICE;
	cfg.bActivateSource = 0;
	cfg.callbacks = NULL;
	l->conn = l->initialise(&cfg);
	if (!l->conn) {
		snprintf(why, why_size, _("libcec did not start"));
		return -1;
	}
	return 0;
}

/* The first adapter's port in what; 0, or -1 with the reason in why. */
static int find_adapter(struct cec_link *l, char *what, size_t what_size, char *why,
                        size_t why_size)
{
	cec_adapter_descriptor found[CEC_MAX_ADAPTERS];
	memset(found, 0, sizeof found);
	int8_t n = l->detect_adapters(l->conn, found, CEC_MAX_ADAPTERS, NULL, 1);
	if (n <= 0) {
		snprintf(why, why_size, _("no USB-CEC adapter found"));
		return -1;
	}
	found[0].strComName[sizeof found[0].strComName - 1] = '\0';
	snprintf(what, what_size, "%.200s", found[0].strComName);
	return 0;
}

struct cec_link *cec_link_open(const char *library, bool use, char *what, size_t what_size,
                               char *why, size_t why_size)
{
	const char *file = library ? library : CEC_LINK_LIBRARY;
	struct cec_link *l = calloc(1, sizeof *l);
	if (!l) {
		snprintf(why, why_size, _("out of memory"));
		return NULL;
	}
	l->dl = dlopen(file, RTLD_NOW | RTLD_LOCAL);
	if (!l->dl) {
		if (library)
			snprintf(why, why_size, _("the library %s cannot be loaded"), file);
		else
			snprintf(why, why_size, _("libcec6 is not installed"));
		goto fail;
	}
	const char *missing = find_functions(l);
	if (missing) {
		snprintf(why, why_size, _("the library %s has no %s: it is not libcec 6"), file,
		         missing);
		goto fail;
	}
	if (start(l, why, why_size) != 0 || find_adapter(l, what, what_size, why, why_size) != 0)
		goto fail;
	if (use && !l->open(l->conn, what, CEC_OPEN_TIMEOUT_MS)) {
		snprintf(why, why_size, _("the HDMI-CEC adapter %s cannot be opened"), what);
		goto fail;
	}
	l->opened = use;
	return l;
fail:
	cec_link_close(l);
	return NULL;
}

int cec_link_set(struct cec_link *l, bool on, char *why, size_t why_size)
{
	if (!l || !l->opened) {
		snprintf(why, why_size, _("the HDMI-CEC adapter is not open"));
		return -1;
	}
	if (!on) {
		if (!l->standby_devices(l->conn, CECDEVICE_TV)) {
			snprintf(why, why_size, _("libcec could not send standby to the TV"));
			return -1;
		}
		return 0;
	}
	if (!l->power_on_devices(l->conn, CECDEVICE_TV)) {
		snprintf(why, why_size, _("libcec could not switch the TV on"));
		return -1;
	}
	/* The TV shows this PC's input, not the last one it had. */
	if (!l->set_active_source(l->conn, CEC_DEVICE_TYPE_PLAYBACK_DEVICE)) {
		snprintf(why, why_size, _("libcec could not make the TV show this PC"));
		return -1;
	}
	return 0;
}

void cec_link_close(struct cec_link *l)
{
	if (!l)
		return;
	if (l->opened)
		l->close(l->conn);
	if (l->conn)
		l->destroy(l->conn);
	/* libcec is C++ with threads and static objects of its own: unloading
	 * it while the process lives is not safe, and loading it again reuses
	 * the copy already there, so the handle is kept. */
	free(l);
}
