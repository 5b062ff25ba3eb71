// libFuzzer target "date-parser": see FuzzChecks.dateParser in PressgraphTestSupport.
// Build and run with `bash .ci/fuzz` (PRESSGRAPH_FUZZ=1 enables the target).
import FuzzSupport
import PressgraphTestSupport

runFuzzer { FuzzChecks.run("date-parser", $0) }
