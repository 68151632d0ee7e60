import { groupTypeField } from '../../descriptions/groupFields';
import { GROUP } from '../../helpers/objects';
import { getObjects } from '../objectOperations';

export const { description, endpoints, execute } = getObjects(GROUP, {
	operation: 'getMany',
	endpoint: '/groups',
	fields: [groupTypeField],
	request(i) {
		return { path: '/groups', qs: { type: this.getNodeParameter('groupType', i) as string } };
	},
});
