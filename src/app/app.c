#include "app/app.h"
#include "app/app_private.h"

#include <SDL.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/log.h"
#include "input/corner_hold.h"
#include "content/hours.h"
#include "content/zone.h"
#include "input/monkey.h"
#include "app/opening.h"
#include "app/derivs.h"
#include "app/no_screen.h"
#include "app/backoff.h"
#include "render/orbit.h"
#include "app/signals.h"
#include "app/stop_guard.h"
#include "base/sim_clock.h"
#include "base/thread_background.h"
#include "input/input.h"
#include "base/layout.h"
#include "live/live.h"
#include "ui/notice.h"
#include "app/notify.h"
#include "ui/panel.h"
#include "visit/visit.h"
#include "text/text.h"

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
		log_info("renderer %s", info.name);
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
		log_error("cannot open a window: %s", SDL_GetError());
		return -1;
	}
	a->ren = make_renderer(a->win);
	if (!a->ren || !SDL_RenderTargetSupported(a->ren)) {
		log_error("no usable renderer: %s", SDL_GetError());
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

/* --at in the window: the place to start at, when the content has it;
 * --text large there: its texts large, as if the visitor had asked. */
static void start_at(struct app *a, const struct content *c)
{
	struct nav_state s = *visit_state(a->visit); /* what the place does not say */
	if (!a->o->at_given || nav_parse(&c->hall, a->o->at, &s) != 0)
		return;
	if (s.screen != NAV_ATTRACT && a->o->large_text)
		s.text = NAV_TEXT_LARGE;
	s.last_input_ms = s.since_ms = app_ticks(a);
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
	visit_use_derivs(a->visit, a->derivs);
	start_at(a, c);
	log_info("showing %s at %dx%d", live_status(a->live)->shown_dir, w, h);
	return 0;
}

/* The staff panel and the corner that opens it (sized like a button, a
 * little larger, so a finger finds it without looking). */
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
	    !visit_set_content(a->visit, live_content(a->live), app_ticks(a))) {
		visit_free(a->visit); /* out of memory: start afresh */
		a->visit = NULL;
	}
	if (change == LIVE_NEW && !a->visit)
		start_visit(a);
	content_free(old);
	if (change != LIVE_NOTHING && !a->visit)
		a->dirty = true; /* the notice lists the new problems */
	if (change == LIVE_NEW)
		opening_forget(&a->opening); /* the hours may have changed */
}

/* The live module has started after the hall had begun on the notice (its
 * first read took long): the hall now shows what it read, or keeps the
 * notice with its problems. */
static void on_launched(struct app *a)
{
	struct live *live;
	if (!a->launch || !live_launch_take(a->launch, &live))
		return;
	live_launch_free(a->launch);
	a->launch = NULL;
	a->live = live;
	if (!live) { /* out of memory, or no thread: systemd starts the hall afresh */
		log_error("cannot keep %s current: exiting so that systemd starts the hall afresh",
		          a->dir);
		a->failed = a->quit = true;
		return;
	}
	log_info("%s is read (%llu ms after the start)", a->dir,
	         (unsigned long long)(SDL_GetTicks64() - a->started_real));
	if (app_content(a) && start_visit(a) != 0)
		a->failed = a->quit = true;
	opening_forget(&a->opening); /* the hours come with the content */
	a->dirty = true;
}

/* Waits for the live module until APP_START_WAIT_MS after the start: the
 * usual start, on the content as read. Past that the hall starts on the
 * notice, and takes the content when it comes (on_launched). */
static void await_live(struct app *a)
{
	uint64_t spent = SDL_GetTicks64() - a->started_real;
	uint64_t left = spent < APP_START_WAIT_MS ? APP_START_WAIT_MS - spent : 0;
	if (!live_launch_wait(a->launch, left)) {
		log_warning("%s is taking long to read (over %d ms): the hall starts on the notice "
		            "and shows the content once it is read",
		            a->dir, APP_START_WAIT_MS);
		return;
	}
	live_launch_take(a->launch, &a->live);
	live_launch_free(a->launch);
	a->launch = NULL;
}

/* Dark outside the opening hours: the visit goes back to the start of the
 * loop and lets go of what it holds; at opening, the loop begins again. */
static void check_hours(struct app *a, uint64_t now)
{
	const struct content *c = a->visit ? app_content(a) : NULL;
	time_t t = app_wall(a);
	enum opening_change ch = opening_update(&a->opening, c ? &c->hall.hours : NULL, t);
	if (ch == OPENING_SAME)
		return;
	char when[128] = "";
	long left = opening_seconds_left(&a->opening, t);
	if (left >= 0 && c) {
		const struct opening_hours *h = &c->hall.hours;
		hours_format(h, t + left, when, sizeof when);
		if (h->zone) /* the hall's time, which may not be the PC's */
			snprintf(when + strlen(when), sizeof when - strlen(when), " (%s)",
			         zone_name(h->zone));
	}
	if (ch == OPENING_CLOSES) {
		if (left >= 0)
			log_info("closed (opening hours): the screen is dark until %s", when);
		else
			log_info("closed (opening hours): the screen is dark");
		if (a->visit)
			visit_sleep(a->visit, now);
	} else {
		if (left >= 0)
			log_info("open (opening hours) until %s: the slideshow runs", when);
		else
			log_info("open (opening hours): the slideshow runs");
		if (a->visit)
			visit_sleep(a->visit, now); /* the loop from its start */
	}
	if (a->o->trace) {
		printf("{\"t\":%llu,\"hours\":\"%s\"}\n", (unsigned long long)(now - a->started),
		       ch == OPENING_CLOSES ? "closed" : "open");
		fflush(stdout);
	}
	a->dirty = true;
}

/* A touch (ow x oh screen): to the staff panel while it is open, else to
 * the visit, with an eye on the corner that opens the panel. */
static void on_input(struct app *a, const struct gesture_input *in, int ow, int oh)
{
	if (a->panel && panel_is_open(a->panel)) {
		enum panel_action act = panel_input(a->panel, in);
		if (act == PANEL_RELOAD) {
			log_info("reading %s again (staff panel)", a->dir);
			if (a->live)
				live_request(a->live);
		}
		a->dirty = true;
		return;
	}
	if (pin_pad_shown(&a->pad)) {
		app_panel_keypad_input(a, in);
		return;
	}
	bool held = a->hold.armed;
	corner_hold_input(&a->hold, in, ow, oh);
	if (held && !a->hold.armed)
		a->dirty = true;            /* the ring goes */
	if (a->visit && !a->opening.closed) /* dark: only the staff corner */
		visit_input(a->visit, in);
}

/* Touches and the mouse from SDL. */
static bool on_pointer(struct app *a, const SDL_Event *ev)
{
	int ow, oh, ww, wh;
	struct gesture_input in;
	SDL_GetRendererOutputSize(a->ren, &ow, &oh);
	SDL_GetWindowSize(a->win, &ww, &wh);
	if (!input_from_sdl(ev, ow, oh, ww, wh, app_ticks(a), &in))
		return false;
	on_input(a, &in, ow, oh);
	return true;
}

/* The monkey's touches that are due, as if they came from the screen. */
static void monkey_touches(struct app *a, uint64_t now)
{
	struct gesture_input in[MONKEY_QUEUE];
	int w, h;
	if (!a->o->monkey)
		return;
	SDL_GetRendererOutputSize(a->ren, &w, &h);
	size_t n = monkey_take(&a->monkey, now, w, h, in, MONKEY_QUEUE);
	for (size_t i = 0; i < n; i++)
		on_input(a, &in[i], w, h);
}

/* After a presented frame: READY=1 after the first, and the watchdog's
 * ping with the status when due. */
static void tell_systemd(struct app *a, uint64_t now)
{
	char status[256], msg[300];
	if (!a->ready) {
		a->ready = true;
		backoff_clear(
		    no_screen_count_dir(a->o)); /* on screen: the next failure starts afresh */
		app_status_line(a, now, status, sizeof status);
		snprintf(msg, sizeof msg, "READY=1\nSTATUS=%s", status);
		notify_send(&a->notify, msg);
	}
	if (now >= notify_ping_due(&a->notify)) {
		app_status_line(a, now, status, sizeof status);
		notify_frame(&a->notify, now, status);
	}
}

/* Whether the renderer can still make a screen-sized target texture. */
static bool renderer_works(SDL_Renderer *ren, int w, int h)
{
	SDL_Texture *t = SDL_CreateTexture(ren, SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_TARGET,
	                                   w > 0 ? w : 1, h > 0 ? h : 1);
	if (!t)
		return false;
	SDL_DestroyTexture(t);
	return true;
}

/* Why every texture is made again. */
enum renew_cause { RENEW_RESIZED, RENEW_TARGETS_LOST, RENEW_DEVICE_RESET };

/* The screen changed size, or the renderer lost its textures: a journal
 * line, every texture made again at the new layout. When the renderer
 * cannot make textures any more, the program ends with a failure, for
 * systemd to start it afresh. */
static void renew(struct app *a, enum renew_cause why)
{
	int w, h;
	SDL_GetRendererOutputSize(a->ren, &w, &h);
	switch (why) {
	case RENEW_RESIZED:
		log_info("the screen is now %dx%d: laid out again", w, h);
		break;
	case RENEW_TARGETS_LOST:
		log_warning("the graphics driver dropped its pictures (%dx%d): drawing them again",
		            w, h);
		break;
	case RENEW_DEVICE_RESET:
		log_warning("the graphics device was reset (%dx%d): making every texture again", w,
		            h);
		break;
	}
	if (!renderer_works(a->ren, w, h)) {
		log_error("the renderer cannot make textures any more (%s): "
		          "exiting so that systemd starts the hall afresh",
		          SDL_GetError());
		a->failed = a->quit = true;
		return;
	}
	if (a->visit)
		visit_resize(a->visit, w, h);
	notice_forget(a->notice);
	app_panel_start(a);
	a->dirty = true;
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
	if (ev->type == a->launch_event) {
		on_launched(a);
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
		if (ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
			renew(a, RENEW_RESIZED);
		a->dirty = true;
		break;
	case SDL_RENDER_TARGETS_RESET:
		renew(a, RENEW_TARGETS_LOST);
		break;
	case SDL_RENDER_DEVICE_RESET:
		renew(a, RENEW_DEVICE_RESET);
		break;
	default:
		break;
	}
}

/* How long to sleep: until the visit's next deadline, the next frame
 * during a fade, and at most IDLE_WAKE_MS so a signal is noticed. */
static int wait_ms(struct app *a, uint64_t now)
{
	uint64_t deadline =
	    a->visit && !a->opening.closed ? visit_deadline(a->visit, now) : UINT64_MAX;
	long left = opening_seconds_left(&a->opening, app_wall(a));
	if (left >= 0 && now + (uint64_t)left * 1000 < deadline)
		deadline = now + (uint64_t)left * 1000;
	uint64_t panel = app_panel_deadline(a);
	deadline = panel < deadline ? panel : deadline;
	uint64_t ping = notify_ping_due(&a->notify);
	uint64_t touch = a->o->monkey ? monkey_deadline(&a->monkey) : UINT64_MAX;
	deadline = touch < deadline ? touch : deadline;
	deadline = ping < deadline ? ping : deadline;
	if (deadline <= now)
		deadline = a->last_frame + FRAME_MS;
	uint64_t ms = sim_clock_real_wait(&a->clock, SDL_GetTicks64(), deadline);
	return ms > IDLE_WAKE_MS ? IDLE_WAKE_MS : (int)ms;
}

static void draw(struct app *a, uint64_t now)
{
	uint64_t t0 = SDL_GetPerformanceCounter();
	int w, h;
	SDL_GetRendererOutputSize(a->ren, &w, &h);
	if (a->opening.closed) { /* dark: a black screen, nothing moving */
		SDL_SetRenderDrawColor(a->ren, 0, 0, 0, 255);
		SDL_RenderClear(a->ren);
	} else if (a->visit) {
		visit_draw(a->visit, now);
	} else {
		notice_draw(a->notice, w, h, app_diag(a));
	}
	app_panel_draw(a, now, w, h);
	SDL_RenderPresent(a->ren);
	unsigned i = a->frames++ % FRAMES_KEPT;
	a->frame_at[i] = now;
	a->frame_ms[i] = (float)((double)(SDL_GetPerformanceCounter() - t0) * 1000.0 /
	                         (double)SDL_GetPerformanceFrequency());
	a->last_frame = now;
	a->dirty = false;
	app_panel_trace(a, now);
	tell_systemd(a, now);
}

/* The way of switching the panel that hall.yaml's display_power asks for:
 * HDMI-CEC for cec, DPMS otherwise (black only forbids it); opened again
 * when a reload moves display_power to or from cec, saying so once. */
static void choose_power(struct app *a)
{
	const struct content *c = app_content(a);
	enum display_power want = c ? c->hall.display_power : DISPLAY_POWER_DPMS;
	bool cec = want == DISPLAY_POWER_CEC;
	if (a->power && cec == (a->power_for == DISPLAY_POWER_CEC))
		return;
	screen_power_drop(a->power); /* lit again before the other way takes over */
	a->power = cec ? screen_power_open_cec(a->o->cec_library) : screen_power_open(a->win);
	a->power_for = want;
	if (a->power)
		log_info("screen power: %s", screen_power_describe(a->power));
}

/* The panel off while the hall is dark, once its black frame is shown; on
 * while the staff panel is open over it. */
static void follow_power(struct app *a)
{
	const struct content *c = app_content(a);
	bool on = !a->opening.closed || (a->panel && panel_is_open(a->panel));
	choose_power(a);
	screen_power_want(a->power, on, !c || c->hall.display_power != DISPLAY_POWER_BLACK);
}

static void loop(struct app *a)
{
	while (!a->quit && !signals_stop()) {
		SDL_Event ev;
		if (SDL_WaitEventTimeout(&ev, wait_ms(a, app_ticks(a)))) {
			on_event(a, &ev);
			while (SDL_PollEvent(&ev))
				on_event(a, &ev);
		}
		uint64_t now = app_ticks(a);
		if (signals_stall_asked()) {
			signals_stall();
			continue; /* to the end: a hung loop draws nothing more */
		}
		if (signals_take_reset()) { /* as SDL reports a device reset */
			SDL_Event reset = {.type = SDL_RENDER_DEVICE_RESET};
			SDL_PushEvent(&reset);
		}
		if (signals_take_reload()) {
			log_info("reading %s again (SIGHUP)", a->dir);
			if (a->live) /* while it starts, it reads the folder anyway */
				live_request(a->live);
		}
		if (corner_hold_tick(&a->hold, now))
			app_panel_open(a, now);
		if (a->panel && panel_update(a->panel, now))
			a->dirty = true;
		if (app_panel_update(a, now))
			a->dirty = true; /* the keypad, the corner's ring, the lock's countdown */
		if (now >= notify_ping_due(&a->notify))
			a->dirty = true; /* a frame even on a still screen, for the watchdog */
		check_hours(a, now);
		monkey_touches(a, now);
		if (a->visit) {
			int dx, dy, w, h;
			SDL_GetRendererOutputSize(a->ren, &w, &h);
			struct layout l = layout_compute(w, h);
			orbit_offset(now / ORBIT_STEP_MS, layout_px(&l, ORBIT_RADIUS), &dx, &dy);
			visit_set_shift(a->visit, dx, dy);
		}
		bool moved = a->visit && !a->opening.closed && visit_update(a->visit, now);
		if (moved || a->dirty)
			draw(a, now);
		follow_power(a);
	}
	if (signals_stop())
		log_info("stopping on signal %d", signals_stop());
}

static void wake_for_launch(void *ctx)
{
	SDL_Event ev = {.type = *(Uint32 *)ctx};
	SDL_PushEvent(&ev);
}

/* At the end, a live_start still reading the folder: it is waited for a
 * little; past that the process ends without it (_exit with status rc): its thread may be
 * inside the font library that main is about to close, and a read hung in
 * the file system must not keep the hall from stopping. */
static void leave_launch(struct app *a, int rc)
{
	if (!a->launch)
		return;
	bool finished = live_launch_wait(a->launch, LEAVE_WAIT_MS);
	live_launch_free(a->launch); /* a live it made is stopped there */
	a->launch = NULL;
	if (finished)
		return;
	log_warning("%s is still being read; the hall stops without waiting for it", a->dir);
	notify_send(&a->notify, "STOPPING=1");
	_exit(rc);
}

int app_run(const struct options *o, const char *dir)
{
	struct app a = {.o = o, .dir = dir, .dirty = true};
	pin_pad_init(&a.pad);
	int rc = 1;
	SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
	/* A touch must not also arrive as a made-up mouse click. */
	SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
	signals_install(o->test_hooks);
	notify_open(&a.notify, getenv("NOTIFY_SOCKET"), getenv("WATCHDOG_USEC"),
	            getenv("WATCHDOG_PID"), getpid());
	if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
		log_error("cannot start SDL video: %s", SDL_GetError());
		no_screen_say_why();
		return no_screen_back_off(o);
	}
	a.wake_event = SDL_RegisterEvents(3);
	a.live_event = a.wake_event + 1;
	a.launch_event = a.wake_event + 2;
	a.started_real = SDL_GetTicks64();
	a.state_kind = state_dir_find(o->state_dir, a.state_dir, sizeof a.state_dir);
	struct live_config lc = {.dir = dir,
	                         .state_dir = a.state_kind == STATE_DIR_NONE ? NULL : a.state_dir,
	                         .poll_s = o->poll_s,
	                         .trace = o->trace ? stdout : NULL};
	/* The content is read while the window opens (live_launch). */
	a.waiting = (struct live_status){.dir = dir, .shown_dir = dir, .shown = LIVE_SHOWN_NONE};
	a.launch = live_launch_start(&lc, wake_for_reload, &a.live_event, wake_for_launch,
	                             &a.launch_event);
	if (!a.launch || no_screen_kiosk_refuses(o))
		goto done;
	a.derivs = derivs_open();
	if (open_window(&a) != 0) {
		no_screen_say_why();
		rc = no_screen_back_off(o);
		goto done;
	}
	await_live(&a);
	if (!a.live && !a.launch)
		goto done; /* live_start failed: out of memory or no thread */
	const struct content *shown = app_content(&a);
	a.text = shown ? text_new_for(a.ren, shown) : text_new(a.ren);
	a.notice = a.text ? notice_new(a.ren, a.text) : NULL;
	if (!a.notice)
		goto done;
	a.clock =
	    sim_clock_start(SDL_GetTicks64(), time(NULL), o->clock_speed,
	                    o->clock_start ? sim_clock_parse_local(o->clock_start) : (time_t)-1);
	a.started = app_ticks(&a);
	if (o->monkey) {
		log_warning("--monkey %u: random touches every 50 ms (a soak test)",
		            o->monkey_seed);
		monkey_init(&a.monkey, o->monkey_seed, a.started,
		            MONKEY_INTERVAL_MS * a.clock.speed);
	}
	choose_power(&a);
	app_panel_start(&a);
	if (shown && start_visit(&a) != 0)
		goto done;
	if (!shown && a.launch)
		log_notice("showing a notice while %s is read", dir);
	else if (!shown)
		log_error("showing a notice until %s is fixed", dir);
	loop(&a);
	notify_send(&a.notify, "STOPPING=1");
	rc = a.failed ? 1 : 0;
done:
	thread_background_end_all(); /* after Esc too: the threads left get the CPU to end */
	leave_launch(&a, rc);
	screen_power_free(a.power); /* the panel lit again for whatever comes next */
	/* The rest only frees: it joins idle-class threads that a busy machine
	 * may starve, so it does not get to hold up the stop. */
	struct stop_guard *guard = stop_guard_arm(STOP_WAIT_MS, rc);
	panel_free(a.panel);
	keypad_free(a.keypad);
	visit_free(a.visit);
	derivs_close(a.derivs); /* after the visit: its decoders use it */
	live_stop(a.live);      /* after the visit: it draws from the content */
	notice_free(a.notice);
	text_free(a.text);
	if (a.ren)
		SDL_DestroyRenderer(a.ren);
	if (a.win)
		SDL_DestroyWindow(a.win);
	SDL_Quit();
	notify_close(&a.notify);
	stop_guard_done(guard);
	return rc;
}
