// A reader that reaches up into the simulator: the layer check must refuse it (tests/CMakeLists.txt).
#include "io/reader.h"
#include "model/workload.h"
#include "sim/simulator.h"
#include <vector>
