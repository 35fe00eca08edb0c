Page({ data: { items: ['我的订单 Orders', '收货地址 Addresses', '优惠券 Coupons', '设置 Settings'] } });
