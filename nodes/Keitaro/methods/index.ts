import * as listSearch from './listSearch';
import * as loadOptions from './loadOptions';

/** Wired into the node's `methods`: resource-locator searches and option lists loaded from Keitaro. */
export { listSearch, loadOptions };
