import { UnitHome } from './UnitHome';

export default function UnitStaffHome() {
  return <UnitHome who="unit_staff" title="单位经办人首页" />;
}
