import { CONVERSION_LOG_COLUMNS } from './columns';

/** Columns of POST /conversions/log (docs/keitaro.md §3.1): the conversion's own and its click's. */
export { CONVERSION_LOG_COLUMNS };

export const DEFAULT_CONVERSION_COLUMNS = [
	'conversion_id',
	'sub_id',
	'tid',
	'status',
	'previous_status',
	'revenue',
	'postback_datetime',
	'campaign_id',
	'campaign',
	'offer_id',
	'offer',
];
