import { CLICK_LOG_COLUMNS } from '../../descriptions/columns';
import { normaliseRow } from '../../helpers/conversions';
import { gridLogOperation } from '../gridLogOperation';

/** Reads POST /clicks/log (the range is on the click's time), all pages with Return All. */
export const { description, endpoints, execute } = gridLogOperation({
	resource: 'click',
	operation: 'getLog',
	path: '/clicks/log',
	rowName: 'click',
	columns: CLICK_LOG_COLUMNS,
	defaultColumns: [
		'datetime',
		'sub_id',
		'campaign_id',
		'campaign',
		'offer_id',
		'offer',
		'country_code',
		'source',
		'cost',
		'revenue',
		'is_lead',
		'is_sale',
	],
	defaultSort: 'datetime',
	filters: ['campaignId', 'offerId', 'clickId', 'countryCode', 'source'],
	normalise: normaliseRow,
});
