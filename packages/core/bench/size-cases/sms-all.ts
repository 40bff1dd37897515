// An app that uses the whole Sms module (measure, split, truncate), default tables only.
import { measure, split, truncate } from "../../src/Sms.js";

export { measure, split, truncate };
