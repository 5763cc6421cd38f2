#include "base/i18n.h"
#include "app/drm_probe.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <xf86drm.h>
#include <xf86drmMode.h>

enum { DRM_CARDS = 8 };

/* The first connected connector of fd as "HDMI-A-1" in name; 0 when none. */
static int connected(int fd, char *name, size_t size)
{
	drmModeRes *res = drmModeGetResources(fd);
	int found = 0;
	for (int i = 0; res && i < res->count_connectors && !found; i++) {
		drmModeConnector *c = drmModeGetConnector(fd, res->connectors[i]);
		if (c && c->connection == DRM_MODE_CONNECTED) {
			const char *type = drmModeGetConnectorTypeName(c->connector_type);
			snprintf(name, size, "%s-%u", type ? type : "connector",
			         c->connector_type_id);
			found = 1;
		}
		drmModeFreeConnector(c);
	}
	drmModeFreeResources(res);
	return found;
}

enum drm_probe_result drm_probe(const char *dir, char *msg, size_t size)
{
	int seen = 0, denied = 0, busy = -1;
	char path[256], name[64], first_denied[256] = "";
	for (int i = 0; i < DRM_CARDS; i++) {
		snprintf(path, sizeof path, "%s/card%d", dir ? dir : "/dev/dri", i);
		int fd = open(path, O_RDWR | O_CLOEXEC | O_NOCTTY);
		if (fd < 0) {
			seen += errno != ENOENT;
			if (errno == EACCES || errno == EPERM) {
				denied++;
				if (!first_denied[0])
					snprintf(first_denied, sizeof first_denied, "%s", path);
			}
			continue;
		}
		seen++;
		if (connected(fd, name, sizeof name)) {
			/* A new file of a card no one drives becomes its master. */
			if (drmIsMaster(fd)) {
				snprintf(msg, size, _("%s %s: a monitor is connected"), path, name);
				close(fd);
				return DRM_PROBE_OK;
			}
			busy = i;
		}
		close(fd);
	}
	if (!seen) {
		snprintf(msg, size,
		         _("no DRM device (no %s/card*): this PC's graphics has no kernel "
		           "modesetting driver, or it is not loaded"),
		         dir ? dir : "/dev/dri");
		return DRM_PROBE_NO_DEVICE;
	}
	if (busy >= 0) {
		snprintf(msg, size,
		         _("the display is busy: another program (a display manager, an X "
		           "server, or a second hall) drives card%d; stop it, or set "
		           "SDL_VIDEODRIVER to use it"),
		         busy);
		return DRM_PROBE_BUSY;
	}
	if (denied == seen) {
		snprintf(msg, size,
		         _("no permission to open %s: the hall's user must be in the video "
		           "group (the unit's SupplementaryGroups=video)"),
		         first_denied);
		return DRM_PROBE_NO_PERMISSION;
	}
	snprintf(msg, size,
	         _("no monitor is connected (or switched on) on any DRM card: check the "
	           "cable and the monitor's input"));
	return DRM_PROBE_NO_MONITOR;
}
