import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { Me } from '../api/types';
import { businessNow } from '../layout/businessClock';
import { useMarkRead, useNotifications, type Notification } from './api';
import { linkFor } from './links';
import './inbox.css';

dayjs.extend(relativeTime);

/** The bell in the header: unread count, the latest notifications, and a way to each one. */
export function NotificationBell({ me }: { me: Me }) {
  const [open, setOpen] = useState(false);
  const notes = useNotifications();
  const markRead = useMarkRead();
  const navigate = useNavigate();
  const unread = notes.data?.unread ?? 0;
  const items = notes.data?.items ?? [];

  // Reaching a notification's page any other way (the to-do list, a menu) reads it too: a leader
  // who has answered a request should not still see it counted as unread.
  const { pathname } = useLocation();
  const { mutate } = markRead;
  const data = notes.data;
  useEffect(() => {
    for (const n of data?.items ?? []) if (!n.read && linkFor(n.link, me.role) === pathname) mutate(n.id);
  }, [pathname, data, me.role, mutate]);

  const openNote = (n: Notification) => {
    if (!n.read) markRead.mutate(n.id);
    const to = linkFor(n.link, me.role);
    setOpen(false);
    if (to) navigate(to);
  };

  const content = (
    <div className="inbox-panel" data-testid="notifications">
      <div className="inbox-head">
        <Typography.Text strong>通知（{unread} 条未读）</Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={unread === 0}
          loading={markRead.isPending}
          onClick={() => markRead.mutate('all')}
        >
          全部已读
        </Button>
      </div>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无通知" />
      ) : (
        <List
          className="inbox-list"
          dataSource={items.slice(0, 30)}
          renderItem={(n) => (
            <List.Item className={n.read ? 'inbox-item' : 'inbox-item inbox-unread'} onClick={() => openNote(n)}>
              <List.Item.Meta
                title={
                  <span className="inbox-title">
                    {!n.read && <Badge status="error" />}
                    <span>{n.title}</span>
                  </span>
                }
                description={
                  <>
                    {n.body && <div className="inbox-body">{n.body}</div>}
                    <Typography.Text
                      type="secondary"
                      className="inbox-time"
                      title={dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}
                    >
                      {/* Notifications carry business time: count from the business clock's now. */}
                      {dayjs(n.createdAt).from(businessNow(me.businessClock))}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );

  return (
    <Popover trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} content={content} arrow={false}>
      <Button type="text" aria-label={`通知，${unread} 条未读`} data-testid="bell" className="inbox-bell">
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
