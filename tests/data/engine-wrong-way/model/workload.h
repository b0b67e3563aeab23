// A value type that includes only its own layer and below: allowed.
#pragma once
#include "policy/policy.h"
