// Stands in for antd's Select where antd's Pagination imports it (web/vite.config.ts,
// lazyAntdParts): Pagination renders a Select only for its page-size changer, which the lists and
// tables of the homes never show, yet its static import put rc-select and its virtual list (~25 kB
// gzip) into every page with a paged list. Here the Select downloads the first time a size changer
// is shown; a page that imports Select itself gets it at once, as before.
import type { SelectProps } from 'antd';
import { lazy, Suspense, type ComponentType } from 'react';

const Select = lazy(() => import('antd/es/select')) as unknown as ComponentType<SelectProps>;

export default function LazySelect(props: SelectProps) {
  return (
    <Suspense fallback={null}>
      <Select {...props} />
    </Suspense>
  );
}
