import type { INodeProperties } from 'n8n-workflow';

export const timeZoneField: INodeProperties = {
	displayName: 'Time Zone',
	name: 'timezone',
	type: 'string',
	default: '',
	placeholder: 'Europe/Berlin',
	description: 'IANA time zone of the period. Empty uses the workflow’s time zone.',
};

/** Keitaro's own interval keywords (docs/keitaro.md §5.2), plus a custom range. */
export const dateRangeFields: INodeProperties[] = [
	{
		displayName: 'Date Range',
		name: 'dateRange',
		type: 'options',
		default: 'last7Days',
		options: [
			{ name: 'All Time', value: 'allTime' },
			{ name: 'Custom', value: 'custom' },
			{ name: 'Last 7 Days', value: 'last7Days' },
			{ name: 'Previous Month', value: 'previousMonth' },
			{ name: 'Since One Month Ago', value: 'oneMonthAgo' },
			{ name: 'Since One Year Ago', value: 'oneYearAgo' },
			{ name: 'This Month', value: 'thisMonth' },
			{ name: 'This Week', value: 'thisWeek' },
			{ name: 'This Year', value: 'thisYear' },
			{ name: 'Today', value: 'today' },
			{ name: 'Yesterday', value: 'yesterday' },
		],
		description: 'Which period to read, counted in the time zone below',
	},
	{
		displayName: 'From',
		name: 'dateFrom',
		type: 'dateTime',
		default: '',
		required: true,
		displayOptions: { show: { dateRange: ['custom'] } },
		description: 'Start of the period (a date, or a date and time)',
	},
	{
		displayName: 'To',
		name: 'dateTo',
		type: 'dateTime',
		default: '',
		required: true,
		displayOptions: { show: { dateRange: ['custom'] } },
		description: 'End of the period; a date alone includes the whole day',
	},
	timeZoneField,
];
