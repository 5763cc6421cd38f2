#include "render/tint.h"

#include <math.h>
#include <stdlib.h>

#include "render/draw.h"

enum { TINT_ROWS = 32 }; /* the texture's height: taller fills repeat it */

/* Makes t's texture colour c and at least w wide; 0 when it is ready. */
static int prepare(struct tint *t, SDL_Renderer *ren, struct rgb c, int w)
{
	if (t->tex && t->w >= w && t->c.r == c.r && t->c.g == c.g && t->c.b == c.b)
		return 0;
	tint_free(t);
	Uint32 *px = malloc((size_t)w * TINT_ROWS * 4);
	t->tex = px ? SDL_CreateTexture(ren, SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_STATIC, w,
	                                TINT_ROWS)
	            : NULL;
	if (t->tex) {
		Uint32 v = (Uint32)c.r << 16 | (Uint32)c.g << 8 | c.b;
		for (size_t i = 0; i < (size_t)w * TINT_ROWS; i++)
			px[i] = v;
		SDL_UpdateTexture(t->tex, NULL, px, w * 4);
		SDL_SetTextureBlendMode(t->tex, SDL_BLENDMODE_BLEND);
		t->c = c;
		t->w = w;
	}
	free(px);
	return t->tex ? 0 : -1;
}

/* One band of rows y..y+h at alpha a, the texture repeated down it. */
static void band(struct tint *t, SDL_Renderer *ren, struct rect r, int y, int h, Uint8 a)
{
	SDL_SetTextureAlphaMod(t->tex, a);
	for (int done = 0; done < h; done += TINT_ROWS) {
		int rows = h - done < TINT_ROWS ? h - done : TINT_ROWS;
		SDL_Rect src = {0, 0, r.w, rows}, dst = {r.x, y + done, r.w, rows};
		SDL_RenderCopy(ren, t->tex, &src, &dst);
	}
}

void tint_draw(struct tint *t, SDL_Renderer *ren, struct rect r, struct rgb c, Uint8 a_top,
               Uint8 a_bottom)
{
	if (r.w <= 0 || r.h <= 0)
		return;
	if (prepare(t, ren, c, r.w) != 0) {
		draw_gradient(ren, r, c, a_top, c, a_bottom);
		return;
	}
	/* Rows take the alpha at their centres, rounded: rows of one alpha make
	 * one band, as draw_gradient's do. */
	int start = 0;
	Uint8 cur = a_top;
	for (int i = 0; i <= r.h; i++) {
		Uint8 a = cur;
		if (i < r.h)
			a = (Uint8)lround(a_top + (a_bottom - a_top) * ((i + 0.5) / r.h));
		if (i > 0 && i < r.h && a == cur)
			continue;
		if (i > start && cur > 0)
			band(t, ren, r, r.y + start, i - start, cur);
		start = i;
		cur = a;
	}
}

void tint_free(struct tint *t)
{
	if (t->tex)
		SDL_DestroyTexture(t->tex);
	*t = (struct tint){0};
}
