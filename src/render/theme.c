#include "render/theme.h"

const struct theme theme = {
    .backdrop_top = {28, 36, 50},
    .backdrop_bottom = {10, 12, 17},
    .scrim = {8, 10, 14},
    .text = {255, 255, 255},
    .text_soft = {214, 219, 226},
    .accent = {236, 200, 120},
    .warn = {246, 174, 110},
    .placeholder = {44, 50, 60},
};
