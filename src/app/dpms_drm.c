#include "base/i18n.h"
#include "app/dpms.h"

#include <SDL_syswm.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xf86drm.h>
#include <xf86drmMode.h>

enum { DRM_MAX_OUTPUTS = 8 };

struct kms_outputs {
	int fd; /* SDL's: SDL owns it */
	int n;
	uint32_t connector[DRM_MAX_OUTPUTS], dpms_prop[DRM_MAX_OUTPUTS];
};

/* The id of connector id's "DPMS" property, or 0. */
static uint32_t dpms_property(int fd, uint32_t id)
{
	uint32_t found = 0;
	drmModeObjectProperties *props =
	    drmModeObjectGetProperties(fd, id, DRM_MODE_OBJECT_CONNECTOR);
	for (uint32_t i = 0; props && i < props->count_props && !found; i++) {
		drmModePropertyRes *p = drmModeGetProperty(fd, props->props[i]);
		if (p && strcmp(p->name, "DPMS") == 0)
			found = p->prop_id;
		drmModeFreeProperty(p);
	}
	drmModeFreeObjectProperties(props);
	return found;
}

/* Every connected connector of fd with a DPMS property into c; names them in what. */
static void find_outputs(struct kms_outputs *c, char *what, size_t what_size)
{
	drmModeRes *res = drmModeGetResources(c->fd);
	what[0] = '\0';
	for (int i = 0; res && i < res->count_connectors && c->n < DRM_MAX_OUTPUTS; i++) {
		drmModeConnector *con = drmModeGetConnector(c->fd, res->connectors[i]);
		uint32_t prop = con && con->connection == DRM_MODE_CONNECTED
		                    ? dpms_property(c->fd, con->connector_id)
		                    : 0;
		if (prop) {
			const char *type = drmModeGetConnectorTypeName(con->connector_type);
			size_t len = strlen(what);
			snprintf(what + len, what_size - len, "%s%s-%u", len ? ", " : "",
			         type ? type : "connector", con->connector_type_id);
			c->connector[c->n] = con->connector_id;
			c->dpms_prop[c->n++] = prop;
		}
		drmModeFreeConnector(con);
	}
	drmModeFreeResources(res);
}

static void *drm_open(SDL_Window *w, char *what, size_t what_size, char *why, size_t why_size)
{
	SDL_SysWMinfo info;
	SDL_VERSION(&info.version);
	if (!SDL_GetWindowWMInfo(w, &info) || info.subsystem != SDL_SYSWM_KMSDRM ||
	    info.info.kmsdrm.drm_fd < 0) {
		snprintf(why, why_size, _("the hall does not own the screen through DRM/KMS"));
		return NULL;
	}
	struct kms_outputs *c = calloc(1, sizeof *c);
	if (!c) {
		snprintf(why, why_size, _("out of memory"));
		return NULL;
	}
	c->fd = info.info.kmsdrm.drm_fd;
	find_outputs(c, what, what_size);
	if (c->n == 0) {
		snprintf(why, why_size, _("no connected monitor on /dev/dri/card%d has DPMS"),
		         info.info.kmsdrm.dev_index);
		free(c);
		return NULL;
	}
	return c;
}

static int drm_set(void *ctx, bool on, char *why, size_t why_size)
{
	struct kms_outputs *c = ctx;
	for (int i = 0; i < c->n; i++)
		if (drmModeConnectorSetProperty(c->fd, c->connector[i], c->dpms_prop[i],
		                                on ? DRM_MODE_DPMS_ON : DRM_MODE_DPMS_OFF) != 0) {
			snprintf(why, why_size, _("the DRM driver refused DPMS: %s"),
			         strerror(errno));
			return -1;
		}
	return 0;
}

static void drm_close(void *ctx)
{
	free(ctx);
}

const struct dpms_impl dpms_drm = {
    .name = N_("DPMS on the DRM connector"),
    .open = drm_open,
    .set = drm_set,
    .close = drm_close,
};
