import {
	CONVERSION_LOG_COLUMNS,
	DEFAULT_CONVERSION_COLUMNS,
} from '../../descriptions/conversionColumns';
import { conversionRow } from '../../helpers/conversions';
import { gridLogOperation } from '../gridLogOperation';

/** Reads POST /conversions/log: every column and filter it has, all pages with Return All. */
export const { description, endpoints, execute } = gridLogOperation({
	resource: 'conversion',
	operation: 'getMany',
	path: '/conversions/log',
	rowName: 'conversion',
	columns: CONVERSION_LOG_COLUMNS,
	defaultColumns: DEFAULT_CONVERSION_COLUMNS,
	defaultSort: 'postback_datetime',
	filters: ['status', 'campaignId', 'offerId', 'clickId', 'tid', 'countryCode', 'source'],
	normalise: conversionRow,
});
