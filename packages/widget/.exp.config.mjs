import config from "./rollup.config.js";
export default config[0];
