// uPlot with its stylesheet: the chunk LineChart loads when a chart mounts.
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

export default uPlot;
