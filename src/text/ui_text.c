#include "text/ui_text.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

struct ui_entry {
	const char *en, *ru;
};

static const struct ui_entry strings[UI_COUNT] = {
    [UI_TWINNED_SINCE] = {"Twin city since %d", "Город-побратим с %d года"},
    [UI_SUSPENDED_IN] = {"Status: link suspended in %d", "Статус: связи приостановлены в %d году"},
    [UI_ENDED_IN] = {"Status: link ended in %d", "Статус: связи прекращены в %d году"},
    [UI_HISTORY] = {"History", "История"},
    [UI_GIFT] = {"Gift", "Подарок"},
    [UI_GIFT_IN] = {"Gift · %d", "Подарок · %d"},
    [UI_GIVEN_BY] = {"Given by", "Даритель"},
    [UI_NO_IMAGE] = {"Image not available", "Изображение недоступно"},
    [UI_HALL_NAME] = {"Twinned Cities Hall", "Зал городов-побратимов"},
    [UI_BACK] = {"Back", "Назад"},
    [UI_PHOTOS] = {"Photos", "Фотографии"},
    [UI_GIFTS] = {"Gifts", "Подарки"},
    [UI_HOME_TITLE] = {"Perm’s twin cities", "Города-побратимы Перми"},
    [UI_HOME_HINT] = {"Touch a city to explore its photos, history and gifts",
                      "Коснитесь города, чтобы увидеть фотографии, историю и подарки"},
    [UI_TOUCH_HINT] = {"Touch to explore", "Коснитесь экрана"},
    [UI_IDLE_WARNING] = {"Back to the start in %d s · Touch the screen to stay",
                         "Возврат к началу через %d с · Коснитесь экрана, чтобы остаться"},
    [UI_ZOOM_OUT] = {"Show the whole photo", "Показать фото целиком"},
    [UI_SCROLL_MORE] = {"More below", "Ниже ещё"},
    [UI_LINK_NOTE] = {"About the link today", "О связях сегодня"},
    [UI_PERM] = {"Perm", "Пермь"},
    [UI_REACH] = {"Buttons below", "Кнопки внизу"},
    [UI_UPDATING] = {"The exhibition is being updated. Please come back soon.",
                     "Экспозиция обновляется. Пожалуйста, загляните чуть позже."},
    [UI_NOTICE_STAFF] = {"For staff: the content has errors (%d); the staff panel lists them "
                         "(hold a corner of the screen for 5 seconds)",
                         "Для сотрудников: в содержимом ошибки (%d); их список — на служебной "
                         "панели (удерживайте угол экрана 5 секунд)"},
};

char *ui_text(enum ui_str id, const char *lang, int year, char *buf, size_t size)
{
	if ((int)id < 0 || id >= UI_COUNT || !strings[id].en || !strings[id].ru) {
		snprintf(buf, size, "?");
		return buf;
	}
	const char *fmt = lang && strcmp(lang, "ru") == 0 ? strings[id].ru : strings[id].en;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	snprintf(buf, size, fmt, year);
#pragma GCC diagnostic pop
	return buf;
}

char *ui_status_text(const struct city *c, const char *lang, char *buf, size_t size)
{
	if (c->status == LINK_ACTIVE) {
		if (size)
			buf[0] = '\0';
		return buf;
	}
	return ui_text(c->status == LINK_ENDED ? UI_ENDED_IN : UI_SUSPENDED_IN, lang,
	               c->status_year, buf, size);
}

char *ui_distance_text(double km, const char *lang, char *buf, size_t size)
{
	bool ru = lang && strcmp(lang, "ru") == 0;
	long n = km >= 1000 ? (long)(km / 10 + 0.5) * 10 : (long)(km + 0.5);
	char digits[32];
	if (n >= 1000) /* Russian groups with a no-break space, English with a comma */
		snprintf(digits, sizeof digits, "%ld%s%03ld", n / 1000, ru ? "\u00a0" : ",",
		         n % 1000);
	else
		snprintf(digits, sizeof digits, "%ld", n);
	snprintf(buf, size, ru ? "%s\u00a0км от Перми" : "%s km from Perm", digits);
	return buf;
}

char *ui_photo_meta(const struct photo *p, int lang, char *buf, size_t size)
{
	const char *credit = content_text(&p->credit, lang);
	if (p->year && credit[0])
		snprintf(buf, size, "%d · %s", p->year, credit);
	else if (p->year)
		snprintf(buf, size, "%d", p->year);
	else
		snprintf(buf, size, "%s", credit);
	return buf;
}
