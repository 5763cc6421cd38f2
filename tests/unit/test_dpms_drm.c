/* DPMS on the DRM connector, against a fake DRM layer: this test defines
 * libdrm's calls that dpms_drm makes (and SDL's window information), so
 * the real dpms_drm code runs against a card of the test's making. Only
 * connected connectors with a DPMS property are switched, each with the
 * DPMS value asked for; a hall that does not own KMS, a card with no
 * connected monitor, and a driver refusing DPMS are said in plain words;
 * everything libdrm handed out is given back. */
#include <SDL_syswm.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <xf86drm.h>
#include <xf86drmMode.h>

#include "app/dpms.h"
#include "test.h"

static int failures_;

/* The fake card. */
enum { FAKE_FD = 42, DPMS_PROP = 7, OTHER_PROP = 8, MAX_CONN = 4 };

static struct {
	SDL_SYSWM_TYPE subsystem;
	int n;
	struct {
		uint32_t id, type, type_id;
		drmModeConnection connection;
		bool has_dpms;
	} conn[MAX_CONN];
	int set_errno; /* 0: SetProperty works */
	int sets;      /* calls of drmModeConnectorSetProperty */
	uint32_t set_id[8], set_prop[8];
	uint64_t set_value[8];
	int handed, freed; /* objects given out and given back */
} card;

SDL_bool SDL_GetWindowWMInfo(SDL_Window *window, SDL_SysWMinfo *info)
{
	(void)window;
	info->subsystem = card.subsystem;
	if (card.subsystem == SDL_SYSWM_KMSDRM) {
		info->info.kmsdrm.dev_index = 0;
		info->info.kmsdrm.drm_fd = FAKE_FD;
	}
	return SDL_TRUE;
}

drmModeResPtr drmModeGetResources(int fd)
{
	CHECK_INT(fd, FAKE_FD);
	drmModeResPtr r = calloc(1, sizeof *r);
	r->count_connectors = card.n;
	r->connectors = calloc((size_t)card.n + 1, sizeof *r->connectors);
	for (int i = 0; i < card.n; i++)
		r->connectors[i] = card.conn[i].id;
	card.handed++;
	return r;
}

void drmModeFreeResources(drmModeResPtr r)
{
	if (!r)
		return;
	free(r->connectors);
	free(r);
	card.freed++;
}

drmModeConnectorPtr drmModeGetConnector(int fd, uint32_t id)
{
	CHECK_INT(fd, FAKE_FD);
	for (int i = 0; i < card.n; i++)
		if (card.conn[i].id == id) {
			drmModeConnectorPtr c = calloc(1, sizeof *c);
			c->connector_id = id;
			c->connector_type = card.conn[i].type;
			c->connector_type_id = card.conn[i].type_id;
			c->connection = card.conn[i].connection;
			card.handed++;
			return c;
		}
	return NULL;
}

void drmModeFreeConnector(drmModeConnectorPtr c)
{
	if (!c)
		return;
	free(c);
	card.freed++;
}

drmModeObjectPropertiesPtr drmModeObjectGetProperties(int fd, uint32_t id, uint32_t type)
{
	CHECK_INT(fd, FAKE_FD);
	CHECK(type == DRM_MODE_OBJECT_CONNECTOR);
	drmModeObjectPropertiesPtr p = calloc(1, sizeof *p);
	p->props = calloc(2, sizeof *p->props);
	p->prop_values = calloc(2, sizeof *p->prop_values);
	p->props[p->count_props++] = OTHER_PROP;
	for (int i = 0; i < card.n; i++)
		if (card.conn[i].id == id && card.conn[i].has_dpms)
			p->props[p->count_props++] = DPMS_PROP;
	card.handed++;
	return p;
}

void drmModeFreeObjectProperties(drmModeObjectPropertiesPtr p)
{
	if (!p)
		return;
	free(p->props);
	free(p->prop_values);
	free(p);
	card.freed++;
}

drmModePropertyPtr drmModeGetProperty(int fd, uint32_t id)
{
	CHECK_INT(fd, FAKE_FD);
	drmModePropertyPtr p = calloc(1, sizeof *p);
	p->prop_id = id;
	snprintf(p->name, sizeof p->name, "%s", id == DPMS_PROP ? "DPMS" : "EDID");
	card.handed++;
	return p;
}

void drmModeFreeProperty(drmModePropertyPtr p)
{
	if (!p)
		return;
	free(p);
	card.freed++;
}

int drmModeConnectorSetProperty(int fd, uint32_t connector_id, uint32_t property_id, uint64_t value)
{
	CHECK_INT(fd, FAKE_FD);
	if (card.sets < 8) {
		card.set_id[card.sets] = connector_id;
		card.set_prop[card.sets] = property_id;
		card.set_value[card.sets] = value;
	}
	card.sets++;
	if (card.set_errno) {
		errno = card.set_errno;
		return -1;
	}
	return 0;
}

/* A card with: HDMI-A-1 connected with DPMS, DP-1 not connected, and
 * eDP-1 connected without a DPMS property. */
static void three_connectors(void)
{
	memset(&card, 0, sizeof card);
	card.subsystem = SDL_SYSWM_KMSDRM;
	card.n = 3;
	card.conn[0].id = 31, card.conn[0].type = DRM_MODE_CONNECTOR_HDMIA;
	card.conn[0].type_id = 1, card.conn[0].connection = DRM_MODE_CONNECTED;
	card.conn[0].has_dpms = true;
	card.conn[1].id = 32, card.conn[1].type = DRM_MODE_CONNECTOR_DisplayPort;
	card.conn[1].type_id = 1, card.conn[1].connection = DRM_MODE_DISCONNECTED;
	card.conn[1].has_dpms = true;
	card.conn[2].id = 33, card.conn[2].type = DRM_MODE_CONNECTOR_eDP;
	card.conn[2].type_id = 1, card.conn[2].connection = DRM_MODE_CONNECTED;
}

static void test_only_connected_with_dpms_switched(void)
{
	three_connectors();
	char what[128], why[256] = "";
	void *ctx = dpms_drm.open(NULL, what, sizeof what, why, sizeof why);
	CHECK(ctx != NULL);
	if (!ctx) {
		printf("  why: %s\n", why);
		return;
	}
	CHECK_STR(what, "HDMI-A-1");
	CHECK_INT(dpms_drm.set(ctx, false, why, sizeof why), 0);
	CHECK_INT(card.sets, 1);
	CHECK_INT((int)card.set_id[0], 31);
	CHECK_INT((int)card.set_prop[0], DPMS_PROP);
	CHECK(card.set_value[0] == DRM_MODE_DPMS_OFF);
	CHECK_INT(dpms_drm.set(ctx, true, why, sizeof why), 0);
	CHECK_INT(card.sets, 2);
	CHECK(card.set_value[1] == DRM_MODE_DPMS_ON);
	dpms_drm.close(ctx);
	CHECK(card.handed > 0);
	CHECK_INT(card.freed, card.handed);
}

static void test_two_monitors_both_switched(void)
{
	three_connectors();
	card.conn[1].connection = DRM_MODE_CONNECTED;
	char what[128], why[256] = "";
	void *ctx = dpms_drm.open(NULL, what, sizeof what, why, sizeof why);
	CHECK(ctx != NULL);
	if (!ctx)
		return;
	CHECK_STR(what, "HDMI-A-1, DP-1");
	CHECK_INT(dpms_drm.set(ctx, false, why, sizeof why), 0);
	CHECK_INT(card.sets, 2);
	CHECK_INT((int)card.set_id[0], 31);
	CHECK_INT((int)card.set_id[1], 32);
	dpms_drm.close(ctx);
	CHECK_INT(card.freed, card.handed);
}

static void test_not_owning_kms(void)
{
	three_connectors();
	card.subsystem = SDL_SYSWM_X11;
	char what[128], why[256] = "";
	CHECK(dpms_drm.open(NULL, what, sizeof what, why, sizeof why) == NULL);
	CHECK(strstr(why, "does not own the screen through DRM/KMS") != NULL);
	CHECK_INT(card.handed, 0);
}

static void test_no_connected_monitor(void)
{
	three_connectors();
	card.conn[0].connection = DRM_MODE_DISCONNECTED;
	char what[128], why[256] = "";
	CHECK(dpms_drm.open(NULL, what, sizeof what, why, sizeof why) == NULL);
	CHECK(strstr(why, "no connected monitor on /dev/dri/card0") != NULL);
	CHECK_INT(card.sets, 0);
	CHECK_INT(card.freed, card.handed);
}

static void test_driver_refuses(void)
{
	three_connectors();
	char what[128], why[256] = "";
	void *ctx = dpms_drm.open(NULL, what, sizeof what, why, sizeof why);
	CHECK(ctx != NULL);
	if (!ctx)
		return;
	card.set_errno = EACCES;
	CHECK_INT(dpms_drm.set(ctx, false, why, sizeof why), -1);
	CHECK(strstr(why, "refused DPMS") != NULL);
	CHECK(strstr(why, strerror(EACCES)) != NULL);
	dpms_drm.close(ctx);
}

int main(void)
{
	RUN(test_only_connected_with_dpms_switched);
	RUN(test_two_monitors_both_switched);
	RUN(test_not_owning_kms);
	RUN(test_no_connected_monitor);
	RUN(test_driver_refuses);
	return failures_ != 0;
}
