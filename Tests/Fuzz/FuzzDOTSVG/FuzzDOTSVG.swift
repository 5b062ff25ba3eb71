// libFuzzer target "dot-svg": see FuzzChecks.dotSVG in PressgraphTestSupport.
// Build and run with `bash .ci/fuzz` (PRESSGRAPH_FUZZ=1 enables the target).
import FuzzSupport
import PressgraphTestSupport

runFuzzer { FuzzChecks.run("dot-svg", $0) }
