import { App, Form, Input, Modal, Select } from 'antd';
import { ErrorAlert } from '../layout/ErrorAlert';
import type { Unit } from '../api/types';
import { useSaveUnit, type UnitInput } from './api';

/** Create (unit = null) or edit a unit: its name and the other spellings used in notices. */
export function UnitFormModal({ unit, onClose }: { unit: Unit | null; onClose: () => void }) {
  const [form] = Form.useForm<UnitInput>();
  const save = useSaveUnit();
  const { message } = App.useApp();

  const submit = async () => {
    const values = await form.validateFields();
    const name = values.name.trim();
    // Drop blanks, duplicates and the name itself: an alias equal to the name adds nothing.
    const aliases = [...new Set((values.aliases ?? []).map((a) => a.trim()))].filter((a) => a && a !== name);
    // An edit goes with the version of the unit as the modal opened it (someone else's save since is refused).
    save.mutate(
      unit ? { id: unit.id, input: { name, aliases }, version: unit.version } : { id: null, input: { name, aliases } },
      {
        onSuccess: () => {
          message.success(unit ? '单位信息已保存' : '单位已新增');
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open
      title={unit ? `编辑单位：${unit.name}` : '新增单位'}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={save.isPending}
      maskClosable={false}
      destroyOnHidden
    >
      {save.isError && <ErrorAlert error={save.error} />}
      <Form<UnitInput>
        form={form}
        layout="vertical"
        initialValues={{ name: unit?.name ?? '', aliases: unit?.aliases ?? [] }}
      >
        <Form.Item
          label="单位名称"
          name="name"
          rules={[
            { required: true, whitespace: true, message: '请输入单位名称' },
            { max: 100, message: '单位名称不超过 100 个字' },
          ]}
        >
          <Input placeholder="如：区交通运输局" maxLength={100} />
        </Form.Item>
        <Form.Item
          label="别名"
          name="aliases"
          extra="文件中该单位的其他写法，输入后按回车或用逗号、顿号分隔。导入文件时按名称和别名识别单位。"
        >
          <Select mode="tags" tokenSeparators={[',', '，', '、']} placeholder="如：区交通局" open={false} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
