#include "app/no_screen.h"

#include <SDL.h>
#include <stdlib.h>
#include <string.h>

#include "app/backoff.h"
#include "app/drm_probe.h"
#include "app/signals.h"
#include "base/log.h"

const char *no_screen_count_dir(const struct options *o)
{
	return o->state_dir ? o->state_dir : getenv("STATE_DIRECTORY");
}

void no_screen_say_why(void)
{
	const char *want = getenv("SDL_VIDEODRIVER");
	if (!want || strcmp(want, "kmsdrm") != 0)
		return;
	char msg[512];
	if (drm_probe(NULL, msg, sizeof msg) != DRM_PROBE_OK)
		log_error("%s", msg);
}

int no_screen_back_off(const struct options *o)
{
	if (!o->kiosk)
		return 1;
	unsigned n = backoff_failed(no_screen_count_dir(o));
	unsigned s = backoff_delay_s(n);
	if (s)
		log_error("the hall could not start (failed start %u in a row): waiting %u s "
		          "before exiting, longer after each failure (at most %d s)",
		          n, s, BACKOFF_MAX_S);
	else
		log_error("the hall could not start: exiting for systemd to try again");
	for (unsigned ms = 0; ms < s * 1000 && !signals_stop(); ms += 100)
		SDL_Delay(100);
	if (!signals_stop())
		return 1;
	log_info("stopping on signal %d", signals_stop());
	return 0;
}

bool no_screen_kiosk_refuses(const struct options *o)
{
	const char *drv = SDL_GetCurrentVideoDriver();
	if (!o->kiosk || !drv || (strcmp(drv, "offscreen") != 0 && strcmp(drv, "dummy") != 0))
		return false;
	log_error("--kiosk needs a screen, but SDL found none and chose its \"%s\" driver, "
	          "which shows nothing: run it on the console (SDL_VIDEODRIVER=kmsdrm) or "
	          "under X",
	          drv);
	return true;
}
