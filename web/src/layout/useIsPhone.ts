import { Grid } from 'antd';

/**
 * Below 768 px (antd's md breakpoint): the phone layout — a drawer menu instead of the sider, cards
 * instead of tables. Before the first measurement antd reports nothing; that counts as a desktop, so
 * a desktop never flashes the phone layout (a phone re-renders at once).
 */
export const useIsPhone = (): boolean => Grid.useBreakpoint().md === false;
