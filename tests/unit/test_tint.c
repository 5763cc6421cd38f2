/* A tint (a texture of one colour blended in bands) looks like the
 * translucent fill it replaces: drawn over the same picture with the
 * software renderer, every pixel within 2 of draw_gradient's in each
 * channel, for an even tint and a fading one, wider than its texture first
 * was and taller than the texture's rows. */
#include <SDL.h>
#include <stdlib.h>

#include "render/draw.h"
#include "test.h"
#include "render/tint.h"

static int failures_;

enum { W = 300, H = 200 };

/* A renderer over a surface holding a picture to tint over. */
static SDL_Renderer *canvas(SDL_Surface **out)
{
	SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_RGB888);
	for (int y = 0; y < H; y++)
		for (int x = 0; x < W; x++)
			((Uint32 *)s->pixels)[y * W + x] =
			    (Uint32)(x * 255 / W) << 16 | (Uint32)(y % 256) << 8 | 90;
	*out = s;
	return SDL_CreateSoftwareRenderer(s);
}

static int max_channel_diff(const SDL_Surface *a, const SDL_Surface *b)
{
	int worst = 0;
	for (int i = 0; i < W * H; i++) {
		Uint32 p = ((const Uint32 *)a->pixels)[i], q = ((const Uint32 *)b->pixels)[i];
		for (int sh = 0; sh < 24; sh += 8) {
			int d = abs((int)((p >> sh) & 255) - (int)((q >> sh) & 255));
			worst = d > worst ? d : worst;
		}
	}
	return worst;
}

static void test_tint_looks_like_the_fill(void)
{
	SDL_Surface *sa, *sb;
	SDL_Renderer *a = canvas(&sa), *b = canvas(&sb);
	struct tint t = {0};
	struct rgb scrim = {8, 10, 14};
	struct rect narrow = {10, 5, 120, 20}, even = {0, 30, W, 70}, fade = {20, 100, 260, 97};
	tint_draw(&t, a, narrow, scrim, 128, 128);
	draw_fill(b, narrow, scrim, 128);
	tint_draw(&t, a, even, scrim, 200, 200); /* wider: the texture is made anew */
	draw_fill(b, even, scrim, 200);
	tint_draw(&t, a, fade, scrim, 0, 200);
	draw_gradient(b, fade, scrim, 0, scrim, 200);
	SDL_RenderPresent(a);
	SDL_RenderPresent(b);
	CHECK(max_channel_diff(sa, sb) <= 2); /* SDL's two blends round differently */
	CHECK(t.w >= W);
	/* And it really tinted: the middle of the even band is darker. */
	Uint32 before = (Uint32)(150 * 255 / W) << 16 | 60 << 8 | 90;
	Uint32 after = ((Uint32 *)sa->pixels)[60 * W + 150];
	CHECK(((after >> 16) & 255) < ((before >> 16) & 255) / 2);
	tint_free(&t);
	CHECK(t.tex == NULL);
	SDL_DestroyRenderer(a);
	SDL_DestroyRenderer(b);
	SDL_FreeSurface(sa);
	SDL_FreeSurface(sb);
}

int main(void)
{
	RUN(test_tint_looks_like_the_fill);
	return failures_ != 0;
}
