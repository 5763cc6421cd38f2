/* The program's own words exist in both languages and take their year. */
#include "test.h"
#include "text/ui_text.h"

static int failures_;

static void test_every_string_in_both_languages(void)
{
	char ru[256], en[256];
	for (int id = 0; id < UI_COUNT; id++) {
		ui_text((enum ui_str)id, "ru", 2022, ru, sizeof ru);
		ui_text((enum ui_str)id, "en", 2022, en, sizeof en);
		CHECK(strcmp(ru, "?") != 0 && ru[0] != '\0');
		CHECK(strcmp(en, "?") != 0 && en[0] != '\0');
		CHECK(strcmp(ru, en) != 0); /* actually translated */
	}
}

static void test_years_and_fallback(void)
{
	char buf[256];
	CHECK_STR(ui_text(UI_TWINNED_SINCE, "ru", 1992, buf, sizeof buf),
	          "Город-побратим с 1992 года");
	CHECK_STR(ui_text(UI_SUSPENDED_IN, "en", 2022, buf, sizeof buf),
	          "Status: link suspended in 2022");
	CHECK_STR(ui_text(UI_ENDED_IN, "de", 2022, buf, sizeof buf), "Status: link ended in 2022");
	CHECK_STR(ui_text(UI_COUNT, "en", 0, buf, sizeof buf), "?");
	CHECK_STR(ui_text(UI_IDLE_WARNING, "en", 7, buf, sizeof buf),
	          "Back to the start in 7 s · Touch the screen to stay");
}

/* A distance from Perm: grouped as each language groups digits, to 10 km. */
static void test_distance(void)
{
	char buf[256];
	CHECK_STR(ui_distance_text(8742.4, "en", buf, sizeof buf), "8,740 km from Perm");
	CHECK_STR(ui_distance_text(8746, "ru", buf, sizeof buf), "8\u00a0750\u00a0км от Перми");
	CHECK_STR(ui_distance_text(2004.9, "ru", buf, sizeof buf), "2\u00a0000\u00a0км от Перми");
	CHECK_STR(ui_distance_text(412.6, "en", buf, sizeof buf), "413 km from Perm");
}

/* The program's own English uses the typographer's apostrophe, as the
 * content's curly quotes do: no straight one beside them. */
static void test_curly_apostrophes(void)
{
	char buf[256];
	for (int id = 0; id < UI_COUNT; id++)
		CHECK(!strchr(ui_text((enum ui_str)id, "en", 2022, buf, sizeof buf), '\''));
	CHECK_STR(ui_text(UI_HOME_TITLE, "en", 0, buf, sizeof buf), "Perm’s twin cities");
}

/* One labelled wording of a link's status for every screen; none when active. */
static void test_status_line(void)
{
	char buf[256];
	struct city c = {.status = LINK_SUSPENDED, .status_year = 2022};
	CHECK_STR(ui_status_text(&c, "ru", buf, sizeof buf),
	          "Статус: связи приостановлены в 2022 году");
	c.status = LINK_ENDED;
	CHECK_STR(ui_status_text(&c, "en", buf, sizeof buf), "Status: link ended in 2022");
	c.status = LINK_ACTIVE;
	CHECK_STR(ui_status_text(&c, "en", buf, sizeof buf), "");
}

int main(void)
{
	RUN(test_every_string_in_both_languages);
	RUN(test_years_and_fallback);
	RUN(test_distance);
	RUN(test_curly_apostrophes);
	RUN(test_status_line);
	return failures_ != 0;
}
