import { UnitHome } from '../unit/UnitHome';

export default function UnitHeadHome() {
  return <UnitHome who="unit_head" title="单位负责人首页" />;
}
