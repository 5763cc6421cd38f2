#include "app.h"

#include <SDL.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "input.h"
#include "live.h"
#include "notice.h"
#include "visit.h"
#include "text.h"

enum { FRAME_MS = 16, IDLE_WAKE_MS = 500 };

static volatile sig_atomic_t stop_signal, hup_signal;

static void on_signal(int sig)
{
	if (sig == SIGHUP)
		hup_signal = 1;
	else
		stop_signal = sig;
}

/* SIGTERM and SIGINT end the program cleanly, SIGHUP reads the content
 * again; SDL's own handlers are off so that in kiosk mode a window close
 * cannot pass for them. */
static void install_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

struct app {
	const struct options *o;
	const char *dir;
	struct live *live; /* the content, kept current */
	Uint32 live_event; /* pushed when a reload finished */
	SDL_Window *win;
	SDL_Renderer *ren;
	struct text *text;
	struct visit *visit;
	Uint32 wake_event;
	bool quit, dirty;
	uint64_t last_frame;
};

static SDL_Renderer *make_renderer(SDL_Window *win)
{
	SDL_Renderer *ren = SDL_CreateRenderer(
	    win, -1,
	    SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC | SDL_RENDERER_TARGETTEXTURE);
	if (!ren)
		ren =
		    SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE | SDL_RENDERER_TARGETTEXTURE);
	if (ren) {
		SDL_RendererInfo info;
		SDL_GetRendererInfo(ren, &info);
		fprintf(stderr, "<6>twinhall: renderer %s\n", info.name);
	}
	return ren;
}

static int open_window(struct app *a)
{
	int w = a->o->window_w ? a->o->window_w : 1280, h = a->o->window_h ? a->o->window_h : 720;
	int x = SDL_WINDOWPOS_CENTERED, y = SDL_WINDOWPOS_CENTERED;
	Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
	SDL_DisplayMode mode;
	if (a->o->kiosk && SDL_GetDesktopDisplayMode(0, &mode) == 0) {
		/* The display's own size at 0,0 and borderless, so the window fills
		 * the screen even with no window manager to honour "fullscreen". */
		w = mode.w;
		h = mode.h;
		x = y = 0;
		flags = SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS |
		        SDL_WINDOW_ALLOW_HIGHDPI;
	}
	a->win = SDL_CreateWindow("twinhall", x, y, w, h, flags);
	if (!a->win) {
		fprintf(stderr, "<3>twinhall: cannot open a window: %s\n", SDL_GetError());
		return -1;
	}
	a->ren = make_renderer(a->win);
	if (!a->ren || !SDL_RenderTargetSupported(a->ren)) {
		fprintf(stderr, "<3>twinhall: no usable renderer: %s\n", SDL_GetError());
		return -1;
	}
	if (a->o->kiosk)
		SDL_ShowCursor(SDL_DISABLE);
	return 0;
}

static void toggle_fullscreen(struct app *a)
{
	Uint32 full = SDL_GetWindowFlags(a->win) & SDL_WINDOW_FULLSCREEN_DESKTOP;
	SDL_SetWindowFullscreen(a->win, full ? 0 : SDL_WINDOW_FULLSCREEN_DESKTOP);
}

static void on_key(struct app *a, const SDL_KeyboardEvent *k)
{
	if (a->o->kiosk || k->repeat)
		return;
	if (k->keysym.sym == SDLK_ESCAPE)
		a->quit = true;
	else if (k->keysym.sym == SDLK_f)
		toggle_fullscreen(a);
}

/* The language to show: --lang when the content has it, else its first. */
static int start_lang(const struct app *a, const struct content *c)
{
	int lang = a->o->lang ? content_lang_index(c, a->o->lang) : 0;
	return lang < 0 ? 0 : lang;
}

/* --at in the window: the place to start at, when the content has it. */
static void start_at(struct app *a, const struct content *c)
{
	struct nav_state s;
	if (!a->o->at_given || nav_parse(&c->hall, a->o->at, &s) != 0)
		return;
	s.last_input_ms = s.since_ms = SDL_GetTicks64();
	s.lang = visit_state(a->visit)->lang;
	visit_goto(a->visit, &s);
}

static int start_visit(struct app *a)
{
	int w, h;
	const struct content *c = live_content(a->live);
	SDL_GetRendererOutputSize(a->ren, &w, &h);
	float dpi = 0;
	SDL_GetDisplayDPI(0, &dpi, NULL, NULL);
	a->visit = visit_new(a->ren, a->text, c, start_lang(a, c), w, h, dpi, a->wake_event,
	                     a->o->trace ? stdout : NULL);
	if (!a->visit)
		return -1;
	start_at(a, c);
	fprintf(stderr, "<6>twinhall: showing %s at %dx%d\n", live_status(a->live)->shown_dir, w,
	        h);
	return 0;
}

static void wake_for_reload(void *ctx)
{
	SDL_Event ev = {.type = *(Uint32 *)ctx};
	SDL_PushEvent(&ev);
}

/* A reload finished: show its content, or the notice's new problems. */
static void on_reload(struct app *a)
{
	struct content *old;
	enum live_change change = live_take(a->live, &old);
	if (change == LIVE_NEW && a->visit &&
	    !visit_set_content(a->visit, live_content(a->live), SDL_GetTicks64())) {
		visit_free(a->visit); /* out of memory: start afresh */
		a->visit = NULL;
	}
	if (change == LIVE_NEW && !a->visit)
		start_visit(a);
	content_free(old);
	if (change != LIVE_NOTHING && !a->visit)
		a->dirty = true; /* the notice lists the new problems */
}

/* Touches and the mouse go to the visit as pointer input. */
static bool on_pointer(struct app *a, const SDL_Event *ev)
{
	int ow, oh, ww, wh;
	struct gesture_input in;
	if (!a->visit)
		return false;
	SDL_GetRendererOutputSize(a->ren, &ow, &oh);
	SDL_GetWindowSize(a->win, &ww, &wh);
	if (!input_from_sdl(ev, ow, oh, ww, wh, SDL_GetTicks64(), &in))
		return false;
	visit_input(a->visit, &in);
	return true;
}

static void on_event(struct app *a, const SDL_Event *ev)
{
	if (on_pointer(a, ev))
		return;
	if (ev->type == a->wake_event) {
		if (a->visit)
			visit_take_images(a->visit);
		return;
	}
	if (ev->type == a->live_event) {
		on_reload(a);
		return;
	}
	switch (ev->type) {
	case SDL_QUIT:
		if (!a->o->kiosk)
			a->quit = true;
		break;
	case SDL_KEYDOWN:
		on_key(a, &ev->key);
		break;
	case SDL_WINDOWEVENT:
		if (ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED && a->visit) {
			int w, h;
			SDL_GetRendererOutputSize(a->ren, &w, &h);
			visit_resize(a->visit, w, h);
		}
		a->dirty = true;
		break;
	case SDL_RENDER_TARGETS_RESET:
	case SDL_RENDER_DEVICE_RESET: {
		int w, h;
		SDL_GetRendererOutputSize(a->ren, &w, &h);
		if (a->visit)
			visit_resize(a->visit, w, h);
		a->dirty = true;
		break;
	}
	default:
		break;
	}
}

/* How long to sleep: until the visit's next deadline, the next frame
 * during a fade, and at most IDLE_WAKE_MS so a signal is noticed. */
static int wait_ms(struct app *a, uint64_t now)
{
	uint64_t deadline = a->visit ? visit_deadline(a->visit, now) : UINT64_MAX;
	if (deadline <= now)
		deadline = a->last_frame + FRAME_MS;
	if (deadline <= now)
		return 0;
	uint64_t ms = deadline - now;
	return ms > IDLE_WAKE_MS ? IDLE_WAKE_MS : (int)ms;
}

static void draw(struct app *a, uint64_t now)
{
	if (a->visit) {
		visit_draw(a->visit, now);
	} else {
		int w, h;
		SDL_GetRendererOutputSize(a->ren, &w, &h);
		notice_draw(a->ren, a->text, w, h, live_diag(a->live), a->dir);
	}
	SDL_RenderPresent(a->ren);
	a->last_frame = now;
	a->dirty = false;
}

static void loop(struct app *a)
{
	while (!a->quit && !stop_signal) {
		SDL_Event ev;
		if (SDL_WaitEventTimeout(&ev, wait_ms(a, SDL_GetTicks64()))) {
			on_event(a, &ev);
			while (SDL_PollEvent(&ev))
				on_event(a, &ev);
		}
		uint64_t now = SDL_GetTicks64();
		if (hup_signal) {
			hup_signal = 0;
			fprintf(stderr, "<6>twinhall: reading %s again (SIGHUP)\n", a->dir);
			live_request(a->live);
		}
		if ((a->visit && visit_update(a->visit, now)) || a->dirty)
			draw(a, now);
	}
	if (stop_signal)
		fprintf(stderr, "<6>twinhall: stopping on signal %d\n", (int)stop_signal);
}

int app_run(const struct options *o, const char *dir, struct content *c, struct diag *d)
{
	struct app a = {.o = o, .dir = dir, .dirty = true};
	int rc = 1;
	SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
	/* A touch must not also arrive as a made-up mouse click. */
	SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
	install_signals();
	if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
		fprintf(stderr, "<3>twinhall: cannot start SDL video: %s\n", SDL_GetError());
		return 1;
	}
	a.wake_event = SDL_RegisterEvents(2);
	a.live_event = a.wake_event + 1;
	struct live_config lc = {.dir = dir,
	                         .state_dir = o->state_dir,
	                         .poll_s = o->poll_s,
	                         .trace = o->trace ? stdout : NULL};
	a.live = live_start(&lc, c, d, wake_for_reload, &a.live_event);
	if (!a.live || open_window(&a) != 0)
		goto done;
	const struct content *shown = live_content(a.live);
	a.text = shown ? text_new_for(a.ren, shown) : text_new(a.ren);
	if (!a.text)
		goto done;
	if (shown && start_visit(&a) != 0)
		goto done;
	if (!shown)
		fprintf(stderr, "<3>twinhall: showing a notice until %s is fixed\n", dir);
	loop(&a);
	rc = 0;
done:
	visit_free(a.visit);
	live_stop(a.live); /* after the visit: it draws from the content */
	text_free(a.text);
	if (a.ren)
		SDL_DestroyRenderer(a.ren);
	if (a.win)
		SDL_DestroyWindow(a.win);
	SDL_Quit();
	return rc;
}
