const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/BarChart-0DtkplF2.js","assets/rolldown-runtime-BLXQ4ufn.js","assets/index-Bv15gHvB.js","assets/index-BL77Dcnv.css"])))=>i.map(i=>d[i]);
import{r as e}from"./rolldown-runtime-BLXQ4ufn.js";import{An as t,Ar as n,At as r,Cn as i,Cr as a,Dr as o,En as s,Er as c,F as l,Hn as u,I as d,Ln as f,Lr as p,Lt as m,Mn as h,Nn as g,O as _,Or as v,Q as y,Rn as b,T as x,Vn as S,Xt as C,_n as w,b as T,cr as E,d as D,dn as O,en as k,f as A,fn as j,hn as M,i as N,ir as P,jr as F,kr as I,kt as L,l as ee,m as te,mn as R,n as ne,nn as re,nr as z,o as B,or as ie,pn as ae,qt as oe,r as se,sr as ce,t as le,ti as ue,u as V,wr as H,x as de,y as fe,zn as pe}from"./index-Bv15gHvB.js";import{t as U}from"./descriptions-_YYC_uNG.js";import{t as W}from"./list-N6hIvrfC.js";import{t as me}from"./progress-CzgtPwAI.js";import{n as G,t as K}from"./space-CDIbhnFy.js";import{t as he}from"./table-D89G-XBR.js";import{t as q}from"./tag-DpJL2KMj.js";import{t as J}from"./work-E4r17Gxl.js";import{t as ge}from"./StatusTag-BcTj3AoW.js";import{n as _e,t as ve}from"./row-Cgz5drUq.js";import{t as ye}from"./colours-DfTPUJxm.js";import{n as be,r as xe,t as Se}from"./SignerActsCard-qp4-XKYh.js";import{a as Ce,i as we}from"./upload-CsnbNX_2.js";import{t as Te}from"./radio-C34uMNTO.js";import{n as Ee,r as De,t as Oe}from"./PersonPicker-DooitGsg.js";import{r as ke}from"./pagination-wAZPFWk7.js";import{t as Ae}from"./download-CaG-1IZg.js";import{n as je}from"./NewRequirementPage-VVDx7lIU.js";var Y=e(n()),X=e(ue()),Me=X.forwardRef(function(e,t){var n=e.prefixCls,r=e.forceRender,i=e.className,a=e.style,o=e.children,s=e.isActive,c=e.role,l=e.classNames,u=e.styles,d=X.useState(s||r),f=ie(d,2),p=f[0],m=f[1];return X.useEffect(function(){(r||s)&&m(!0)},[r,s]),p?X.createElement(`div`,{ref:t,className:(0,Y.default)(`${n}-content`,H(H({},`${n}-content-active`,s),`${n}-content-inactive`,!s),i),style:a,role:c},X.createElement(`div`,{className:(0,Y.default)(`${n}-content-box`,l?.body),style:u?.body},o)):null});Me.displayName=`PanelContent`;var Ne=[`showArrow`,`headerClass`,`isActive`,`onItemClick`,`forceRender`,`className`,`classNames`,`styles`,`prefixCls`,`collapsible`,`accordion`,`panelKey`,`extra`,`header`,`expandIcon`,`openMotion`,`destroyInactivePanel`,`children`],Pe=X.forwardRef(function(e,t){var n=e.showArrow,r=n===void 0||n,o=e.headerClass,s=e.isActive,c=e.onItemClick,l=e.forceRender,u=e.className,d=e.classNames,f=d===void 0?{}:d,p=e.styles,m=p===void 0?{}:p,h=e.prefixCls,g=e.collapsible,_=e.accordion,v=e.panelKey,y=e.extra,b=e.header,x=e.expandIcon,S=e.openMotion,C=e.destroyInactivePanel,w=e.children,T=P(e,Ne),E=g===`disabled`,D=y!=null&&typeof y!=`boolean`,O=H(H(H({onClick:function(){c?.(v)},onKeyDown:function(e){(e.key===`Enter`||e.keyCode===j.ENTER||e.which===j.ENTER)&&c?.(v)},role:_?`tab`:`button`},`aria-expanded`,s),`aria-disabled`,E),`tabIndex`,E?-1:0),k=typeof x==`function`?x(e):X.createElement(`i`,{className:`arrow`}),A=k&&X.createElement(`div`,I({className:`${h}-expand-icon`},[`header`,`icon`].includes(g)?O:{}),k),M=(0,Y.default)(`${h}-item`,H(H({},`${h}-item-active`,s),`${h}-item-disabled`,E),u),N=(0,Y.default)(o,`${h}-header`,H({},`${h}-collapsible-${g}`,!!g),f.header),F=a({className:N,style:m.header},[`header`,`icon`].includes(g)?{}:O);return X.createElement(`div`,I({},T,{ref:t,className:M}),X.createElement(`div`,F,r&&A,X.createElement(`span`,I({className:`${h}-header-text`},g===`header`?O:{}),b),D&&X.createElement(`div`,{className:`${h}-extra`},y)),X.createElement(i,I({visible:s,leavedClassName:`${h}-content-hidden`},S,{forceRender:l,removeOnLeave:C}),function(e,t){var n=e.className,r=e.style;return X.createElement(Me,{ref:t,prefixCls:h,className:n,classNames:f,style:r,styles:m,isActive:s,forceRender:l,role:_?`tabpanel`:void 0},w)}))}),Fe=[`children`,`label`,`key`,`collapsible`,`onItemClick`,`destroyInactivePanel`],Ie=function(e,t){var n=t.prefixCls,r=t.accordion,i=t.collapsible,a=t.destroyInactivePanel,o=t.onItemClick,s=t.activeKey,c=t.openMotion,l=t.expandIcon;return e.map(function(e,t){var u=e.children,d=e.label,f=e.key,p=e.collapsible,m=e.onItemClick,h=e.destroyInactivePanel,g=P(e,Fe),_=String(f??t),v=p??i,y=h??a,b=function(e){v!==`disabled`&&(o(e),m?.(e))},x=!1;return x=r?s[0]===_:s.indexOf(_)>-1,X.createElement(Pe,I({},g,{prefixCls:n,key:_,panelKey:_,isActive:x,accordion:r,openMotion:c,expandIcon:l,header:d,collapsible:v,onItemClick:b,destroyInactivePanel:y}),u)})},Le=function(e,t,n){if(!e)return null;var r=n.prefixCls,i=n.accordion,a=n.collapsible,o=n.destroyInactivePanel,s=n.onItemClick,c=n.activeKey,l=n.openMotion,u=n.expandIcon,d=e.key||String(t),f=e.props,p=f.header,m=f.headerClass,h=f.destroyInactivePanel,g=f.collapsible,_=f.onItemClick,v=!1;v=i?c[0]===d:c.indexOf(d)>-1;var y=g??a,b={key:d,panelKey:d,header:p,headerClass:m,isActive:v,prefixCls:r,destroyInactivePanel:h??o,openMotion:l,accordion:i,children:e.props.children,onItemClick:function(e){y!==`disabled`&&(s(e),_?.(e))},expandIcon:u,collapsible:y};return typeof e.type==`string`?e:(Object.keys(b).forEach(function(e){b[e]===void 0&&delete b[e]}),X.cloneElement(e,b))};function Re(e,t,n){return Array.isArray(e)?Ie(e,n):o(t).map(function(e,t){return Le(e,t,n)})}function ze(e){var t=e;if(!Array.isArray(t)){var n=v(t);t=n===`number`||n===`string`?[t]:[]}return t.map(function(e){return String(e)})}var Be=Object.assign(X.forwardRef(function(e,t){var n=e.prefixCls,r=n===void 0?`rc-collapse`:n,i=e.destroyInactivePanel,a=i!==void 0&&i,o=e.style,s=e.accordion,l=e.className,u=e.children,d=e.collapsible,f=e.openMotion,p=e.expandIcon,m=e.activeKey,h=e.defaultActiveKey,g=e.onChange,_=e.items,v=(0,Y.default)(r,l),y=b([],{value:m,onChange:function(e){return g?.(e)},defaultValue:h,postState:ze}),x=ie(y,2),S=x[0],C=x[1],T=function(e){return C(function(){return s?S[0]===e?[]:[e]:S.indexOf(e)>-1?S.filter(function(t){return t!==e}):[].concat(E(S),[e])})};c(!u,"[rc-collapse] `children` will be removed in next major version. Please use `items` instead.");var D=Re(_,u,{prefixCls:r,accordion:s,openMotion:f,expandIcon:p,collapsible:d,destroyInactivePanel:a,onItemClick:T,activeKey:S});return X.createElement(`div`,I({ref:t,className:v,style:o,role:s?`tablist`:void 0},w(e,{aria:!0,data:!0})),D)}),{Panel:Pe}),Ve=Be;Be.Panel;var He=X.forwardRef((e,t)=>{let{getPrefixCls:n}=X.useContext(S),{prefixCls:r,className:i,showArrow:a=!0}=e,o=n(`collapse`,r),s=(0,Y.default)({[`${o}-no-arrow`]:!a},i);return X.createElement(Ve.Panel,Object.assign({ref:t},e,{prefixCls:o,className:s}))}),Ue=e=>{let{componentCls:n,contentBg:r,padding:i,headerBg:a,headerPadding:o,collapseHeaderPaddingSM:s,collapseHeaderPaddingLG:c,collapsePanelBorderRadius:l,lineWidth:u,lineType:d,colorBorder:f,colorText:p,colorTextHeading:m,colorTextDisabled:_,fontSizeLG:v,lineHeight:y,lineHeightLG:b,marginSM:x,paddingSM:S,paddingLG:C,paddingXS:w,motionDurationSlow:T,fontSizeIcon:E,contentPadding:D,fontHeight:O,fontHeightLG:k}=e,A=`${z(u)} ${d} ${f}`;return{[n]:Object.assign(Object.assign({},h(e)),{backgroundColor:a,border:A,borderRadius:l,"&-rtl":{direction:`rtl`},[`& > ${n}-item`]:{borderBottom:A,"&:first-child":{[`
            &,
            & > ${n}-header`]:{borderRadius:`${z(l)} ${z(l)} 0 0`}},"&:last-child":{[`
            &,
            & > ${n}-header`]:{borderRadius:`0 0 ${z(l)} ${z(l)}`}},[`> ${n}-header`]:Object.assign(Object.assign({position:`relative`,display:`flex`,flexWrap:`nowrap`,alignItems:`flex-start`,padding:o,color:m,lineHeight:y,cursor:`pointer`,transition:`all ${T}, visibility 0s`},t(e)),{[`> ${n}-header-text`]:{flex:`auto`},[`${n}-expand-icon`]:{height:O,display:`flex`,alignItems:`center`,paddingInlineEnd:x},[`${n}-arrow`]:Object.assign(Object.assign({},g()),{fontSize:E,transition:`transform ${T}`,svg:{transition:`transform ${T}`}}),[`${n}-header-text`]:{marginInlineEnd:`auto`}}),[`${n}-collapsible-header`]:{cursor:`default`,[`${n}-header-text`]:{flex:`none`,cursor:`pointer`},[`${n}-expand-icon`]:{cursor:`pointer`}},[`${n}-collapsible-icon`]:{cursor:`unset`,[`${n}-expand-icon`]:{cursor:`pointer`}}},[`${n}-content`]:{color:p,backgroundColor:r,borderTop:A,[`& > ${n}-content-box`]:{padding:D},"&-hidden":{display:`none`}},"&-small":{[`> ${n}-item`]:{[`> ${n}-header`]:{padding:s,paddingInlineStart:w,[`> ${n}-expand-icon`]:{marginInlineStart:e.calc(S).sub(w).equal()}},[`> ${n}-content > ${n}-content-box`]:{padding:S}}},"&-large":{[`> ${n}-item`]:{fontSize:v,lineHeight:b,[`> ${n}-header`]:{padding:c,paddingInlineStart:i,[`> ${n}-expand-icon`]:{height:k,marginInlineStart:e.calc(C).sub(i).equal()}},[`> ${n}-content > ${n}-content-box`]:{padding:C}}},[`${n}-item:last-child`]:{borderBottom:0,[`> ${n}-content`]:{borderRadius:`0 0 ${z(l)} ${z(l)}`}},[`& ${n}-item-disabled > ${n}-header`]:{"\n          &,\n          & > .arrow\n        ":{color:_,cursor:`not-allowed`}},[`&${n}-icon-position-end`]:{[`& > ${n}-item`]:{[`> ${n}-header`]:{[`${n}-expand-icon`]:{order:1,paddingInlineEnd:0,paddingInlineStart:x}}}}})}},We=e=>{let{componentCls:t}=e,n=`> ${t}-item > ${t}-header ${t}-arrow`;return{[`${t}-rtl`]:{[n]:{transform:`rotate(180deg)`}}}},Ge=e=>{let{componentCls:t,headerBg:n,borderlessContentPadding:r,borderlessContentBg:i,colorBorder:a}=e;return{[`${t}-borderless`]:{backgroundColor:n,border:0,[`> ${t}-item`]:{borderBottom:`1px solid ${a}`},[`
        > ${t}-item:last-child,
        > ${t}-item:last-child ${t}-header
      `]:{borderRadius:0},[`> ${t}-item:last-child`]:{borderBottom:0},[`> ${t}-item > ${t}-content`]:{backgroundColor:i,borderTop:0},[`> ${t}-item > ${t}-content > ${t}-content-box`]:{padding:r}}}},Ke=e=>{let{componentCls:t,paddingSM:n}=e;return{[`${t}-ghost`]:{backgroundColor:`transparent`,border:0,[`> ${t}-item`]:{borderBottom:0,[`> ${t}-content`]:{backgroundColor:`transparent`,border:0,[`> ${t}-content-box`]:{paddingBlock:n}}}}}},qe=s(`Collapse`,e=>{let t=f(e,{collapseHeaderPaddingSM:`${z(e.paddingXS)} ${z(e.paddingSM)}`,collapseHeaderPaddingLG:`${z(e.padding)} ${z(e.paddingLG)}`,collapsePanelBorderRadius:e.borderRadiusLG});return[Ue(t),Ge(t),Ke(t),We(t),oe(t)]},e=>({headerPadding:`${e.paddingSM}px ${e.padding}px`,headerBg:e.colorFillAlter,contentPadding:`${e.padding}px 16px`,contentBg:e.colorBgContainer,borderlessContentPadding:`${e.paddingXXS}px 16px ${e.padding}px`,borderlessContentBg:`transparent`})),Je=Object.assign(X.forwardRef((e,t)=>{let{getPrefixCls:n,direction:r,expandIcon:i,className:a,style:s}=u(`collapse`),{prefixCls:c,className:l,rootClassName:d,style:f,bordered:p=!0,ghost:m,size:h,expandIconPosition:g=`start`,children:_,destroyInactivePanel:v,destroyOnHidden:y,expandIcon:b}=e,x=C(e=>h??e??`middle`),S=n(`collapse`,c),w=n(),[T,E,D]=qe(S),O=X.useMemo(()=>g===`left`?`start`:g===`right`?`end`:g,[g]),A=b??i,j=X.useCallback((e={})=>{let t=typeof A==`function`?A(e):X.createElement(ke,{rotate:e.isActive?r===`rtl`?-90:90:void 0,"aria-label":e.isActive?`expanded`:`collapsed`});return M(t,()=>({className:(0,Y.default)(t.props?.className,`${S}-arrow`)}))},[A,S,r]),N=(0,Y.default)(`${S}-icon-position-${O}`,{[`${S}-borderless`]:!p,[`${S}-rtl`]:r===`rtl`,[`${S}-ghost`]:!!m,[`${S}-${x}`]:x!==`middle`},a,l,d,E,D),P=X.useMemo(()=>Object.assign(Object.assign({},re(w)),{motionAppear:!1,leavedClassName:`${S}-content-hidden`}),[w,S]),F=X.useMemo(()=>_?o(_).map((e,t)=>{let n=e.props;if(n?.disabled){let r=e.key??String(t),i=Object.assign(Object.assign({},k(e.props,[`disabled`])),{key:r,collapsible:n.collapsible??`disabled`});return M(e,i)}return e}):null,[_]);return T(X.createElement(Ve,Object.assign({ref:t,openMotion:P},k(e,[`rootClassName`]),{expandIcon:j,prefixCls:S,className:N,style:Object.assign(Object.assign({},s),f),destroyInactivePanel:y??v}),F))}),{Panel:He}),Ye=e=>{let{value:t,formatter:n,precision:r,decimalSeparator:i,groupSeparator:a=``,prefixCls:o}=e,s;if(typeof n==`function`)s=n(t);else{let e=String(t),n=e.match(/^(-?)(\d*)(\.(\d+))?$/);if(!n||e===`-`)s=e;else{let e=n[1],t=n[2]||`0`,c=n[4]||``;t=t.replace(/\B(?=(\d{3})+(?!\d))/g,a),typeof r==`number`&&(c=c.padEnd(r,`0`).slice(0,r>0?r:0)),c&&=`${i}${c}`,s=[X.createElement(`span`,{key:`int`,className:`${o}-content-value-int`},e,t),c&&X.createElement(`span`,{key:`decimal`,className:`${o}-content-value-decimal`},c)]}}return X.createElement(`span`,{className:`${o}-content-value`},s)},Xe=e=>{let{componentCls:t,marginXXS:n,padding:r,colorTextDescription:i,titleFontSize:a,colorTextHeading:o,contentFontSize:s,fontFamily:c}=e;return{[t]:Object.assign(Object.assign({},h(e)),{[`${t}-title`]:{marginBottom:n,color:i,fontSize:a},[`${t}-skeleton`]:{paddingTop:r},[`${t}-content`]:{color:o,fontSize:s,fontFamily:c,[`${t}-content-value`]:{display:`inline-block`,direction:`ltr`},[`${t}-content-prefix, ${t}-content-suffix`]:{display:`inline-block`},[`${t}-content-prefix`]:{marginInlineEnd:n},[`${t}-content-suffix`]:{marginInlineStart:n}}})}},Ze=s(`Statistic`,e=>Xe(f(e,{})),e=>{let{fontSizeHeading3:t,fontSize:n}=e;return{titleFontSize:n,contentFontSize:t}}),Qe=function(e,t){var n={};for(var r in e)Object.prototype.hasOwnProperty.call(e,r)&&t.indexOf(r)<0&&(n[r]=e[r]);if(e!=null&&typeof Object.getOwnPropertySymbols==`function`)for(var i=0,r=Object.getOwnPropertySymbols(e);i<r.length;i++)t.indexOf(r[i])<0&&Object.prototype.propertyIsEnumerable.call(e,r[i])&&(n[r[i]]=e[r[i]]);return n},Z=X.forwardRef((e,t)=>{let{prefixCls:n,className:i,rootClassName:a,style:o,valueStyle:s,value:c=0,title:l,valueRender:d,prefix:f,suffix:p,loading:m=!1,formatter:h,precision:g,decimalSeparator:_=`.`,groupSeparator:v=`,`,onMouseEnter:y,onMouseLeave:b}=e,x=Qe(e,[`prefixCls`,`className`,`rootClassName`,`style`,`valueStyle`,`value`,`title`,`valueRender`,`prefix`,`suffix`,`loading`,`formatter`,`precision`,`decimalSeparator`,`groupSeparator`,`onMouseEnter`,`onMouseLeave`]),{getPrefixCls:S,direction:C,className:T,style:E}=u(`statistic`),D=S(`statistic`,n),[O,k,A]=Ze(D),j=X.createElement(Ye,{decimalSeparator:_,groupSeparator:v,prefixCls:D,formatter:h,precision:g,value:c}),M=(0,Y.default)(D,{[`${D}-rtl`]:C===`rtl`},T,i,a,k,A),N=X.useRef(null);X.useImperativeHandle(t,()=>({nativeElement:N.current}));let P=w(x,{aria:!0,data:!0});return O(X.createElement(`div`,Object.assign({},P,{ref:N,className:M,style:Object.assign(Object.assign({},E),o),onMouseEnter:y,onMouseLeave:b}),l&&X.createElement(`div`,{className:`${D}-title`},l),X.createElement(r,{paragraph:!1,loading:m,className:`${D}-skeleton`,active:!0},X.createElement(`div`,{style:s,className:`${D}-content`},f&&X.createElement(`span`,{className:`${D}-content-prefix`},f),d?d(j):j,p&&X.createElement(`span`,{className:`${D}-content-suffix`},p)))))}),$e=[[`Y`,31536e6],[`M`,2592e6],[`D`,864e5],[`H`,36e5],[`m`,6e4],[`s`,1e3],[`S`,1]];function et(e,t){let n=e,r=/\[[^\]]*]/g,i=(t.match(r)||[]).map(e=>e.slice(1,-1)),a=t.replace(r,`[]`),o=$e.reduce((e,[t,r])=>{if(e.includes(t)){let i=Math.floor(n/r);return n-=i*r,e.replace(RegExp(`${t}+`,`g`),e=>{let t=e.length;return i.toString().padStart(t,`0`)})}return e},a),s=0;return o.replace(r,()=>{let e=i[s];return s+=1,e})}function tt(e,t,n){let{format:r=``}=t,i=new Date(e).getTime(),a=Date.now();return et(Math.max(n?i-a:a-i,0),r)}var nt=function(e,t){var n={};for(var r in e)Object.prototype.hasOwnProperty.call(e,r)&&t.indexOf(r)<0&&(n[r]=e[r]);if(e!=null&&typeof Object.getOwnPropertySymbols==`function`)for(var i=0,r=Object.getOwnPropertySymbols(e);i<r.length;i++)t.indexOf(r[i])<0&&Object.prototype.propertyIsEnumerable.call(e,r[i])&&(n[r[i]]=e[r[i]]);return n};function rt(e){return new Date(e).getTime()}var it=e=>{let{value:t,format:n=`HH:mm:ss`,onChange:r,onFinish:i,type:a}=e,o=nt(e,[`value`,`format`,`onChange`,`onFinish`,`type`]),s=a===`countdown`,[c,l]=X.useState(null),u=pe(()=>{let e=Date.now(),n=rt(t);l({});let a=s?n-e:e-n;return r?.(a),s&&n<e?(i?.(),!1):!0});return X.useEffect(()=>{let e,t=()=>ce.cancel(e),n=()=>{e=ce(()=>{u()&&n()})};return n(),t},[t,s]),X.useEffect(()=>{l({})},[]),X.createElement(Z,Object.assign({},o,{value:t,valueRender:e=>M(e,{title:void 0}),formatter:(e,t)=>c?tt(e,Object.assign(Object.assign({},t),{format:n}),s):`-`}))},at=X.memo(e=>X.createElement(it,Object.assign({},e,{type:`countdown`})));Z.Timer=it,Z.Countdown=at;var ot=Z,st=e=>{let{componentCls:t,calc:n}=e;return{[t]:Object.assign(Object.assign({},h(e)),{margin:0,padding:0,listStyle:`none`,[`${t}-item`]:{position:`relative`,margin:0,paddingBottom:e.itemPaddingBottom,fontSize:e.fontSize,listStyle:`none`,"&-tail":{position:`absolute`,insetBlockStart:e.itemHeadSize,insetInlineStart:n(n(e.itemHeadSize).sub(e.tailWidth)).div(2).equal(),height:`calc(100% - ${z(e.itemHeadSize)})`,borderInlineStart:`${z(e.tailWidth)} ${e.lineType} ${e.tailColor}`},"&-pending":{[`${t}-item-head`]:{fontSize:e.fontSizeSM,backgroundColor:`transparent`},[`${t}-item-tail`]:{display:`none`}},"&-head":{position:`absolute`,width:e.itemHeadSize,height:e.itemHeadSize,backgroundColor:e.dotBg,border:`${z(e.dotBorderWidth)} ${e.lineType} transparent`,borderRadius:`50%`,"&-blue":{color:e.colorPrimary,borderColor:e.colorPrimary},"&-red":{color:e.colorError,borderColor:e.colorError},"&-green":{color:e.colorSuccess,borderColor:e.colorSuccess},"&-gray":{color:e.colorTextDisabled,borderColor:e.colorTextDisabled}},"&-head-custom":{position:`absolute`,insetBlockStart:n(e.itemHeadSize).div(2).equal(),insetInlineStart:n(e.itemHeadSize).div(2).equal(),width:`auto`,height:`auto`,marginBlockStart:0,paddingBlock:e.customHeadPaddingVertical,lineHeight:1,textAlign:`center`,border:0,borderRadius:0,transform:`translate(-50%, -50%)`},"&-content":{position:`relative`,insetBlockStart:n(n(e.fontSize).mul(e.lineHeight).sub(e.fontSize)).mul(-1).add(e.lineWidth).equal(),marginInlineStart:n(e.margin).add(e.itemHeadSize).equal(),marginInlineEnd:0,marginBlockStart:0,marginBlockEnd:0,wordBreak:`break-word`},"&-last":{[`> ${t}-item-tail`]:{display:`none`},[`> ${t}-item-content`]:{minHeight:n(e.controlHeightLG).mul(1.2).equal()}}},[`&${t}-alternate,
        &${t}-right,
        &${t}-label`]:{[`${t}-item`]:{"&-tail, &-head, &-head-custom":{insetInlineStart:`50%`},"&-head":{marginInlineStart:n(e.marginXXS).mul(-1).equal(),"&-custom":{marginInlineStart:n(e.tailWidth).div(2).equal()}},"&-left":{[`${t}-item-content`]:{insetInlineStart:`calc(50% - ${z(e.marginXXS)})`,width:`calc(50% - ${z(e.marginSM)})`,textAlign:`start`}},"&-right":{[`${t}-item-content`]:{width:`calc(50% - ${z(e.marginSM)})`,margin:0,textAlign:`end`}}}},[`&${t}-right`]:{[`${t}-item-right`]:{[`${t}-item-tail,
            ${t}-item-head,
            ${t}-item-head-custom`]:{insetInlineStart:`calc(100% - ${z(n(n(e.itemHeadSize).add(e.tailWidth)).div(2).equal())})`},[`${t}-item-content`]:{width:`calc(100% - ${z(n(e.itemHeadSize).add(e.marginXS).equal())})`}}},[`&${t}-pending
        ${t}-item-last
        ${t}-item-tail`]:{display:`block`,height:`calc(100% - ${z(e.margin)})`,borderInlineStart:`${z(e.tailWidth)} dotted ${e.tailColor}`},[`&${t}-reverse
        ${t}-item-last
        ${t}-item-tail`]:{display:`none`},[`&${t}-reverse ${t}-item-pending`]:{[`${t}-item-tail`]:{insetBlockStart:e.margin,display:`block`,height:`calc(100% - ${z(e.margin)})`,borderInlineStart:`${z(e.tailWidth)} dotted ${e.tailColor}`},[`${t}-item-content`]:{minHeight:n(e.controlHeightLG).mul(1.2).equal()}},[`&${t}-label`]:{[`${t}-item-label`]:{position:`absolute`,insetBlockStart:n(n(e.fontSize).mul(e.lineHeight).sub(e.fontSize)).mul(-1).add(e.tailWidth).equal(),width:`calc(50% - ${z(e.marginSM)})`,textAlign:`end`},[`${t}-item-right`]:{[`${t}-item-label`]:{insetInlineStart:`calc(50% + ${z(e.marginSM)})`,width:`calc(50% - ${z(e.marginSM)})`,textAlign:`start`}}},"&-rtl":{direction:`rtl`,[`${t}-item-head-custom`]:{transform:`translate(50%, -50%)`}}})}},ct=s(`Timeline`,e=>st(f(e,{itemHeadSize:10,customHeadPaddingVertical:e.paddingXXS,paddingInlineEnd:2})),e=>({tailColor:e.colorSplit,tailWidth:e.lineWidthBold,dotBorderWidth:e.wireframe?e.lineWidthBold:e.lineWidth*3,dotBg:e.colorBgContainer,itemPaddingBottom:e.padding*1.25})),lt=function(e,t){var n={};for(var r in e)Object.prototype.hasOwnProperty.call(e,r)&&t.indexOf(r)<0&&(n[r]=e[r]);if(e!=null&&typeof Object.getOwnPropertySymbols==`function`)for(var i=0,r=Object.getOwnPropertySymbols(e);i<r.length;i++)t.indexOf(r[i])<0&&Object.prototype.propertyIsEnumerable.call(e,r[i])&&(n[r[i]]=e[r[i]]);return n},ut=e=>{var{prefixCls:t,className:n,color:r=`blue`,dot:i,pending:a=!1,position:o,label:s,children:c}=e,l=lt(e,[`prefixCls`,`className`,`color`,`dot`,`pending`,`position`,`label`,`children`]);let{getPrefixCls:u}=X.useContext(S),d=u(`timeline`,t),f=(0,Y.default)(`${d}-item`,{[`${d}-item-pending`]:a},n),p=/blue|red|green|gray/.test(r||``)?void 0:r,m=(0,Y.default)(`${d}-item-head`,{[`${d}-item-head-custom`]:!!i,[`${d}-item-head-${r}`]:!p});return X.createElement(`li`,Object.assign({},l,{className:f}),s&&X.createElement(`div`,{className:`${d}-item-label`},s),X.createElement(`div`,{className:`${d}-item-tail`}),X.createElement(`div`,{className:m,style:{borderColor:p,color:p}},i),X.createElement(`div`,{className:`${d}-item-content`},c))},dt=function(e,t){var n={};for(var r in e)Object.prototype.hasOwnProperty.call(e,r)&&t.indexOf(r)<0&&(n[r]=e[r]);if(e!=null&&typeof Object.getOwnPropertySymbols==`function`)for(var i=0,r=Object.getOwnPropertySymbols(e);i<r.length;i++)t.indexOf(r[i])<0&&Object.prototype.propertyIsEnumerable.call(e,r[i])&&(n[r[i]]=e[r[i]]);return n},ft=e=>{var{prefixCls:t,className:n,pending:r=!1,children:i,items:a,rootClassName:o,reverse:s=!1,direction:c,hashId:l,pendingDot:u,mode:d=``}=e,f=dt(e,[`prefixCls`,`className`,`pending`,`children`,`items`,`rootClassName`,`reverse`,`direction`,`hashId`,`pendingDot`,`mode`]);let p=(e,n)=>d===`alternate`?e===`right`?`${t}-item-right`:e===`left`||n%2==0?`${t}-item-left`:`${t}-item-right`:d===`left`?`${t}-item-left`:d===`right`||e===`right`?`${t}-item-right`:``,m=E(a||[]),h=typeof r==`boolean`?null:r;r&&m.push({pending:!!r,dot:u||X.createElement(O,null),children:h}),s&&m.reverse();let g=m.length,_=`${t}-item-last`,v=m.filter(e=>!!e).map((e,t)=>{let n=t===g-2?_:``,i=t===g-1?_:``,{className:a}=e,o=dt(e,[`className`]);return X.createElement(ut,Object.assign({},o,{className:(0,Y.default)([a,!s&&r?n:i,p(e?.position??``,t)]),key:e?.key||t}))}),y=m.some(e=>!!e?.label),b=(0,Y.default)(t,{[`${t}-pending`]:!!r,[`${t}-reverse`]:!!s,[`${t}-${d}`]:!!d&&!y,[`${t}-label`]:y,[`${t}-rtl`]:c===`rtl`},n,o,l);return X.createElement(`ol`,Object.assign({},f,{className:b}),v)};function pt(e,t){return e&&Array.isArray(e)?e:o(t).map(e=>Object.assign({children:e?.props?.children??``},e.props))}var mt=function(e,t){var n={};for(var r in e)Object.prototype.hasOwnProperty.call(e,r)&&t.indexOf(r)<0&&(n[r]=e[r]);if(e!=null&&typeof Object.getOwnPropertySymbols==`function`)for(var i=0,r=Object.getOwnPropertySymbols(e);i<r.length;i++)t.indexOf(r[i])<0&&Object.prototype.propertyIsEnumerable.call(e,r[i])&&(n[r[i]]=e[r[i]]);return n},ht=e=>{let{getPrefixCls:t,direction:n,timeline:r}=X.useContext(S),{prefixCls:i,children:a,items:o,className:s,style:c}=e,l=mt(e,[`prefixCls`,`children`,`items`,`className`,`style`]),u=t(`timeline`,i),d=ae(u),[f,p,m]=ct(u,d),h=pt(o,a);return f(X.createElement(ft,Object.assign({},l,{className:(0,Y.default)(r?.className,s,m,d),style:Object.assign(Object.assign({},r?.style),c),prefixCls:u,direction:n,items:h,hashId:p})))};ht.Item=ut;var gt=ht,Q=e(y(),1),$=se(),_t=V(`
  mutation SubmitResultReport($input: SubmitResultReportInput!) {
    submitResultReport(input: $input) {
      id
      status
    }
  }
`),vt=[`goalAchievement`,`contributions`,`problems`];function yt({requirementId:e,report:t,canWrite:n,onWritten:r}){let{t:i,language:a}=D(),{message:o}=L.useApp(),[s,{loading:c,error:u}]=F(_t,{refetchQueries:[J]});if(!t&&!n)return null;let d=async t=>{await s({variables:{input:{requirementId:e,goalAchievement:t.goalAchievement,contributions:t.contributions??``,problems:t.problems??``}}}).catch(()=>null)&&(o.success(i(`report.written`)),r())};return(0,$.jsx)(l,{size:`small`,title:i(`knowledge.report`),"data-testid":`result-report`,children:t?(0,$.jsxs)(U,{column:1,size:`small`,children:[vt.filter(e=>t[e]).map(e=>(0,$.jsx)(U.Item,{label:i(`knowledge.${e}`),children:(0,$.jsx)(T.Paragraph,{style:{whiteSpace:`pre-wrap`,margin:0},children:t[e]})},e)),(0,$.jsxs)(U.Item,{label:i(`report.by`),children:[t.author?.displayName,` · `,(0,Q.default)(t.createdAt).format(`YYYY-MM-DD HH:mm`)]})]}):(0,$.jsxs)(_,{layout:`vertical`,onFinish:e=>void d(e),children:[u&&(0,$.jsx)(R,{type:`error`,showIcon:!0,message:B(u,i,a),style:{marginBottom:12}}),(0,$.jsx)(_.Item,{label:i(`knowledge.goalAchievement`),name:`goalAchievement`,rules:[{required:!0,whitespace:!0,message:i(`field.required`,{label:i(`knowledge.goalAchievement`)})}],children:(0,$.jsx)(x.TextArea,{autoSize:{minRows:2},maxLength:5e3})}),(0,$.jsx)(_.Item,{label:i(`knowledge.contributions`),name:`contributions`,children:(0,$.jsx)(x.TextArea,{autoSize:{minRows:2},maxLength:5e3})}),(0,$.jsx)(_.Item,{label:i(`knowledge.problems`),name:`problems`,children:(0,$.jsx)(x.TextArea,{autoSize:{minRows:2},maxLength:5e3})}),(0,$.jsx)(m,{type:`primary`,htmlType:`submit`,loading:c,children:i(`report.submit`)})]})})}var bt=(0,X.lazy)(()=>le(()=>import(`./BarChart-0DtkplF2.js`),__vite__mapDeps([0,1,2,3]))),xt=V(`
  query RequirementBoard($id: ID!) {
    requirementBoard(requirementId: $id) {
      total
      completed
      inProgress
      delayed
      lagging
      pendingAssignment
      summary
      byStatus {
        status
        count
      }
    }
  }
`);function St({requirementId:e}){let{t,language:n}=D(),{data:r,error:i,loading:a}=p(xt,{variables:{id:e}}),o=r?.requirementBoard;return(0,$.jsxs)(l,{size:`small`,title:t(`board.requirement`),loading:a&&!o,"data-testid":`requirement-board`,children:[i&&(0,$.jsx)(R,{type:`error`,showIcon:!0,message:B(i,t,n)}),o&&(0,$.jsxs)($.Fragment,{children:[(0,$.jsx)(ve,{gutter:[16,8],children:[[`board.total`,o.total],[`board.completed`,o.completed],[`board.inProgress`,o.inProgress],[`board.delayed`,o.delayed],[`board.lagging`,o.lagging]].map(([e,n])=>(0,$.jsx)(_e,{xs:12,md:4,children:(0,$.jsx)(ot,{title:t(e),value:n})},e))}),(0,$.jsx)(T.Paragraph,{style:{marginTop:8},children:o.byStatus.map(e=>`${A(t,`status`,e.status)} ${e.count}`).join(` · `)}),o.total>0&&(0,$.jsx)(X.Suspense,{fallback:null,children:(0,$.jsx)(bt,{height:200,rows:o.byStatus.map(e=>({name:A(t,`status`,e.status),count:e.count})),series:[{key:`count`,label:t(`board.total`),colour:ye.IN_PROGRESS}]})})]})]})}var Ct=V(`
  mutation SubmitFeedback($input: SubmitFeedbackInput!) {
    submitFeedback(input: $input) {
      id
      code
      items {
        id
        position
        kind
      }
    }
  }
`),wt=[`PRAISE`,`PROBLEM`,`SUGGESTION`],Tt=20;function Et({"aria-required":e,...t}){return(0,$.jsx)(G,{mode:`multiple`,optionFilterProp:`label`,...t})}function Dt({requirementId:e,departments:t}){let{t:n,language:r}=D(),{message:i}=L.useApp(),[a]=_.useForm(),[o,{loading:s,error:c}]=F(Ct,{refetchQueries:[J]}),[u,f]=(0,X.useState)(!1),p=async t=>{try{await o({variables:{input:{requirementId:e,items:t.items.map(e=>({kind:e.kind,content:e.content,departmentIds:e.departmentIds??[],personIds:e.personIds??[],proposal:e.proposal??``}))}}}),i.success(n(`feedback.sent`))}catch(e){f(!ee(a,e,n,r))}},h=e=>[{required:!0,whitespace:!0,message:n(`field.required`,{label:e})}];return(0,$.jsxs)(l,{size:`small`,title:n(`feedback.title`),"data-testid":`feedback-card`,children:[c&&u&&(0,$.jsx)(R,{type:`error`,showIcon:!0,message:B(c,n,r),style:{marginBottom:12}}),(0,$.jsx)(T.Paragraph,{type:`secondary`,children:n(`feedback.itemsHelp`)}),(0,$.jsx)(_,{form:a,layout:`vertical`,initialValues:{items:[{kind:`PRAISE`}]},onFinish:e=>void p(e),children:(0,$.jsx)(_.List,{name:`items`,children:(e,{add:r,remove:i})=>(0,$.jsxs)($.Fragment,{children:[e.map((r,a)=>(0,$.jsxs)(`section`,{"aria-label":n(`feedback.item`,{n:a+1}),"data-testid":`feedback-item-${a+1}`,className:`feedback-item`,children:[e.length>1&&(0,$.jsxs)(K,{style:{width:`100%`,justifyContent:`space-between`},children:[(0,$.jsx)(T.Text,{strong:!0,children:n(`feedback.item`,{n:a+1})}),(0,$.jsx)(m,{size:`small`,type:`text`,danger:!0,icon:(0,$.jsx)(we,{}),"aria-label":n(`feedback.removeItem`,{n:a+1}),onClick:()=>i(r.name)})]}),(0,$.jsx)(_.Item,{label:n(`feedback.kind`),name:[r.name,`kind`],children:(0,$.jsx)(Te.Group,{optionType:`button`,options:wt.map(e=>({value:e,label:n(`feedback.${e}`)}))})}),(0,$.jsx)(_.Item,{label:n(`feedback.content`),name:[r.name,`content`],rules:h(n(`feedback.content`)),children:(0,$.jsx)(x.TextArea,{autoSize:{minRows:2},maxLength:2e3})}),(0,$.jsx)(_.Item,{label:n(`feedback.departments`),name:[r.name,`departmentIds`],children:(0,$.jsx)(Et,{options:t,placeholder:n(`field.select`)})}),(0,$.jsx)(_.Item,{label:n(`feedback.people`),name:[r.name,`personIds`],children:(0,$.jsx)(Oe,{mode:`multiple`})}),(0,$.jsx)(_.Item,{label:n(`feedback.proposal`),name:[r.name,`proposal`],children:(0,$.jsx)(x.TextArea,{autoSize:{minRows:1},maxLength:2e3})})]},r.key)),(0,$.jsxs)(K,{wrap:!0,children:[e.length<Tt&&(0,$.jsx)(m,{icon:(0,$.jsx)(d,{}),onClick:()=>r({kind:`SUGGESTION`}),children:n(`feedback.addItem`)}),(0,$.jsx)(m,{type:`primary`,htmlType:`submit`,loading:s,children:n(`feedback.submit`)})]})]})})})]})}var Ot=V(`
  query RequirementMeetings($code: String!) {
    requirement(code: $code) {
      id
      status
      initiator {
        id
      }
      tasks {
        id
        code
        title
      }
      meetings {
        id
        title
        startsAt
        durationMinutes
        icsUrl
        minutes
        organizer {
          id
          displayName
        }
        attendees {
          id
          displayName
        }
        task {
          id
          code
          title
        }
      }
    }
  }
`),kt=V(`
  mutation ScheduleMeeting($input: ScheduleMeetingInput!) {
    scheduleMeeting(input: $input) {
      id
    }
  }
`),At=[`DRAFT`,`CANCELLED`,`ARCHIVED`];function jt({"aria-required":e,...t}){return(0,$.jsx)(G,{allowClear:!0,optionFilterProp:`label`,...t})}function Mt({code:e}){let{t,language:n}=D(),{message:r}=L.useApp(),{viewer:i}=ne(),a=Ae(),[o]=_.useForm(),{data:s,refetch:c}=p(Ot,{variables:{code:e}}),[u,d]=F(kt),[f,h]=(0,X.useState)(!1),g=s?.requirement;if(!g)return null;let v=(g.initiator?.id===i.id||i.role===`ADMIN`)&&!At.includes(g.status),y=async e=>{try{await u({variables:{input:{requirementId:g.id,title:e.title,startsAt:e.startsAt.second(0).millisecond(0).format(),durationMinutes:e.durationMinutes,attendeeIds:e.attendeeIds,taskId:e.taskId??null}}}),o.resetFields(),r.success(t(`meeting.booked`)),await c()}catch(e){h(!ee(o,e,t,n))}},b=e=>({required:!0,message:t(`field.required`,{label:e})});return(0,$.jsxs)(l,{size:`small`,title:t(`meeting.title`),"data-testid":`meetings-card`,children:[(0,$.jsx)(W,{size:`small`,dataSource:g.meetings,locale:{emptyText:(0,$.jsx)(T.Text,{type:`secondary`,children:t(`common.none`)})},renderItem:e=>(0,$.jsx)(W.Item,{actions:[(0,$.jsx)(m,{size:`small`,icon:(0,$.jsx)(De,{}),"aria-label":t(`meeting.icsLabel`,{title:e.title}),onClick:()=>void a(e.icsUrl),children:t(`meeting.ics`)},`ics`)],children:(0,$.jsxs)(K,{direction:`vertical`,size:2,children:[(0,$.jsx)(T.Text,{strong:!0,children:e.title}),(0,$.jsxs)(T.Text,{children:[t(`meeting.startsAt`),`: `,(0,Q.default)(e.startsAt).format(`YYYY-MM-DD HH:mm`),` ·`,` `,t(`meeting.minutesShort`,{n:e.durationMinutes})]}),(0,$.jsxs)(T.Text,{children:[t(`meeting.place`),`: `,t(`meeting.online`)]}),(0,$.jsxs)(T.Text,{children:[t(`meeting.attendees`),`: `,e.attendees.map(e=>e.displayName).join(`、`)]}),(0,$.jsxs)(T.Text,{type:`secondary`,children:[t(`meeting.organizer`),`: `,e.organizer?.displayName,e.task?` · ${t(`meeting.task`)}: ${e.task.code} ${e.task.title}`:``]}),e.minutes&&(0,$.jsxs)(T.Paragraph,{style:{whiteSpace:`pre-wrap`,margin:0},children:[(0,$.jsx)(q,{children:t(`meeting.minutes`)}),e.minutes]})]})})}),v&&(0,$.jsx)(Je,{size:`small`,style:{marginTop:12},items:[{key:`book`,label:t(`meeting.book`),children:(0,$.jsxs)($.Fragment,{children:[d.error&&f&&(0,$.jsx)(R,{type:`error`,showIcon:!0,message:B(d.error,t,n),style:{marginBottom:12}}),(0,$.jsxs)(_,{form:o,name:`meeting`,layout:`vertical`,initialValues:{durationMinutes:30},onFinish:e=>void y(e),children:[(0,$.jsx)(_.Item,{label:t(`meeting.subject`),name:`title`,rules:[b(t(`meeting.subject`)),{min:2,max:200,whitespace:!0,message:t(`field.required`,{label:t(`meeting.subject`)})}],children:(0,$.jsx)(x,{maxLength:200})}),(0,$.jsx)(_.Item,{label:t(`meeting.startsAt`),name:`startsAt`,rules:[b(t(`meeting.startsAt`)),{validator:(e,n)=>n&&!n.isAfter((0,Q.default)())?Promise.reject(Error(t(`meeting.futureOnly`))):Promise.resolve()}],children:(0,$.jsx)(Ee,{showTime:{format:`HH:mm`},format:`YYYY-MM-DD HH:mm`,style:{width:`100%`},disabledDate:e=>e.isBefore((0,Q.default)(),`day`)})}),(0,$.jsx)(_.Item,{label:t(`meeting.duration`),name:`durationMinutes`,rules:[b(t(`meeting.duration`))],children:(0,$.jsx)(Ce,{min:5,max:480,step:15,style:{width:`100%`}})}),(0,$.jsx)(_.Item,{label:t(`meeting.attendees`),name:`attendeeIds`,rules:[{...b(t(`meeting.attendees`)),type:`array`,min:1}],children:(0,$.jsx)(Oe,{mode:`multiple`})}),g.tasks.length>0&&(0,$.jsx)(_.Item,{label:t(`meeting.task`),name:`taskId`,children:(0,$.jsx)(jt,{placeholder:t(`field.select`),options:g.tasks.map(e=>({value:e.id,label:`${e.code} ${e.title}`}))})}),(0,$.jsx)(m,{type:`primary`,htmlType:`submit`,loading:d.loading,children:t(`meeting.submit`)})]})]})}]})]})}V(`
  fragment ReviewRoundSigners on ReviewRound {
    addedSigners {
      createdAt
      department {
        id
        name
        nameEn
        head {
          id
          displayName
        }
      }
      addedBy {
        id
        displayName
      }
    }
    handovers {
      createdAt
      department {
        id
        name
        nameEn
      }
      fromUser {
        id
        displayName
      }
      toUser {
        id
        displayName
      }
    }
  }
`);var Nt=V(`
  mutation AddSigner($requirementId: ID!, $userId: ID!) {
    addSigner(requirementId: $requirementId, userId: $userId) {
      id
    }
  }
`),Pt=V(`
  mutation HandOverReview($requirementId: ID!, $toUserId: ID!, $departmentId: ID) {
    handOverReview(requirementId: $requirementId, toUserId: $toUserId, departmentId: $departmentId) {
      id
    }
  }
`),Ft=V(`
  mutation RemindReviewer($requirementId: ID!, $departmentId: ID!) {
    remindReviewer(requirementId: $requirementId, departmentId: $departmentId) {
      id
    }
  }
`);function It({requirementId:e,status:t,initiatorId:n,involved:r,round:i,awaitsMyReview:a}){let{t:o}=D(),{viewer:s}=ne(),c={refetchQueries:[`RequirementPage`,J],awaitRefetchQueries:!0},[l]=F(Nt,c),[u]=F(Pt,c),[d]=F(Ft,c);if(!i)return null;let f=t===`PENDING_REVIEW`&&i.outcome===`OPEN`,p=r.filter(e=>e.isLead).map(e=>e.department.id),m=new Map;for(let e of r)e.isLead||m.set(e.department.id,e.department);for(let e of i.addedSigners)e.department&&m.set(e.department.id,e.department);let h=new Set(i.reviews.map(e=>e.department?.id)),g=[...m.values()].filter(e=>!h.has(e.id)),_=f&&a;return(0,$.jsx)(Se,{testId:`review-signers`,title:o(`signers.reviewTitle`),pending:g,asked:[...m.keys(),...p],canAdd:_,canHandOver:_&&s.id!==n,canRemind:f&&s.id===n&&g.length>0,mySeats:be(g,s),excludedIds:[s.id,...n?[n]:[]],addedSigners:i.addedSigners,handovers:i.handovers,onAdd:t=>l({variables:{requirementId:e,userId:t}}),onHandOver:(t,n)=>u({variables:{requirementId:e,toUserId:t,departmentId:n}}),onRemind:t=>d({variables:{requirementId:e,departmentId:t}})})}var Lt=V(`
  query RequirementPage($code: String!) {
    requirement(code: $code) {
      id
      code
      title
      status
      priority
      background
      goals
      deliverables
      acceptanceCriteria
      dataNeeds
      contact
      expectedBy
      currentRound
      createdAt
      initiator {
        id
        displayName
      }
      initiatingDepartment {
        id
        name
        nameEn
      }
      template {
        id
        name
        nameEn
      }
      customFields {
        key
        label
        labelEn
        type
        retired
        textValue
        numberValue
        moneyValue
        dateValue
        choices {
          value
          label
          labelEn
        }
        user {
          id
          displayName
        }
        department {
          id
          name
          nameEn
        }
        file {
          id
          fileName
        }
      }
      involvedDepartments {
        isLead
        contribution
        department {
          id
          name
          nameEn
          head {
            id
            displayName
          }
        }
      }
      reviewRounds {
        id
        number
        outcome
        openedAt
        closedAt
        ...ReviewRoundSigners
        reviews {
          id
          decision
          comment
          claimedTasks
          signedAt
          contentHash
          department {
            id
            name
            nameEn
          }
          signedBy {
            id
            displayName
          }
          onBehalfOf {
            id
            displayName
          }
        }
      }
      resultReport {
        id
        goalAchievement
        contributions
        problems
        createdAt
        author {
          id
          displayName
        }
      }
      attachments(includeTasks: true) {
        ...AttachmentItem
      }
      tasks {
        id
        code
        title
        status
        progress
        deadline
        isOverdue
        assignee {
          id
          displayName
        }
        executingDepartment {
          id
          name
          nameEn
        }
      }
    }
  }
`),Rt=V(`
  mutation ReviewRequirement($input: ReviewRequirementInput!) {
    reviewRequirement(input: $input) {
      id
      status
    }
  }
`);function zt(e,t){let n=t===`en`;return e.choices?e.choices.map(e=>n&&e.labelEn?e.labelEn:e.label).join(`、`):e.user?e.user.displayName:e.department?n&&e.department.nameEn||e.department.name:e.file?e.file.fileName:e.moneyValue?`¥${e.moneyValue}`:e.textValue??e.numberValue??e.dateValue??``}function Bt({requirement:e}){let{t,language:n}=D(),{message:r}=L.useApp(),[i]=_.useForm(),[a,{loading:o,error:s}]=F(Rt,{refetchQueries:[Lt,J]}),c=async n=>{let o=i.getFieldsValue();!n&&!o.comment?.trim()?i.setFields([{name:`comment`,errors:[t(`review.rejectNeedsComment`)]}]):await a({variables:{input:{requirementId:e.id,approve:n,comment:o.comment??``,claimedTasks:o.claimedTasks??[]}}}).catch(()=>null)&&r.success(t(`review.done`))};return(0,$.jsxs)(l,{title:t(`review.title`),size:`small`,"data-testid":`review-card`,children:[s&&(0,$.jsx)(R,{type:`error`,showIcon:!0,message:B(s,t,n),style:{marginBottom:12}}),(0,$.jsxs)(_,{form:i,layout:`vertical`,children:[(0,$.jsx)(_.Item,{label:t(`review.comment`),name:`comment`,children:(0,$.jsx)(x.TextArea,{autoSize:{minRows:2}})}),(0,$.jsx)(_.Item,{label:t(`review.claims`),name:`claimedTasks`,extra:t(`review.claimsHelp`),children:(0,$.jsx)(G,{mode:`tags`,open:!1,suffixIcon:null})}),(0,$.jsxs)(K,{children:[(0,$.jsx)(m,{type:`primary`,loading:o,onClick:()=>void c(!0),children:t(`review.approve`)}),(0,$.jsx)(m,{danger:!0,loading:o,onClick:()=>void c(!1),children:t(`review.reject`)})]})]})]})}function Vt(){let{code:e=``}=fe(),{t,language:n}=D(),{message:r}=L.useApp(),{viewer:i}=ne(),{data:a,loading:o,error:s,refetch:c}=p(Lt,{variables:{code:e},fetchPolicy:`cache-and-network`,context:{queryDeduplication:!1}}),u=p(J),[d,f]=F(je,{refetchQueries:[Lt]});if(s){let e=N(s)===`NOT_FOUND`;return(0,$.jsx)(de,{status:e?`404`:`error`,title:e?t(`req.notFound`):B(s,t,n)})}let h=a?.requirement;if(!h)return(0,$.jsx)(l,{loading:o});let g=n===`en`,_=e=>e?g&&e.nameEn?e.nameEn:e.name:``,v=u.data?.myWork.reviews.some(e=>e.id===h.id)??!1,y=u.data?.myWork.feedback.some(e=>e.id===h.id)??!1,b=h.initiator?.id===i.id&&[`DRAFT`,`PENDING_MODIFICATION`].includes(h.status),x=[`background`,`goals`,`deliverables`,`acceptanceCriteria`,`dataNeeds`,`contact`].filter(e=>h[e]);return(0,$.jsxs)(K,{direction:`vertical`,size:16,style:{width:`100%`},children:[(0,$.jsxs)(K,{wrap:!0,align:`center`,children:[(0,$.jsx)(T.Title,{level:1,style:{fontSize:22,margin:0},children:h.title}),(0,$.jsx)(ge,{status:h.status}),h.priority===`URGENT`&&(0,$.jsx)(q,{color:`red`,children:t(`priority.URGENT`)})]}),b&&(0,$.jsx)(R,{type:`info`,showIcon:!0,message:A(t,`status`,h.status),action:(0,$.jsxs)(K,{wrap:!0,children:[(0,$.jsx)(te,{to:`/requirements/${h.code}/edit`,children:t(`edit.open`)}),(0,$.jsx)(m,{type:`primary`,loading:f.loading,onClick:()=>void d({variables:{id:h.id}}).then(()=>r.success(t(`req.submitted`))).catch(e=>r.error(B(e,t,n))),children:t(`req.submit`)})]})}),v&&(0,$.jsx)(Bt,{requirement:h}),(0,$.jsx)(It,{requirementId:h.id,status:h.status,initiatorId:h.initiator?.id??null,involved:h.involvedDepartments,round:[...h.reviewRounds].sort((e,t)=>t.number-e.number)[0]??null,awaitsMyReview:v}),y&&(0,$.jsx)(Dt,{requirementId:h.id,departments:h.involvedDepartments.map(e=>({value:e.department.id,label:_(e.department)}))}),(0,$.jsx)(l,{size:`small`,children:(0,$.jsxs)(U,{column:{xs:1,md:2,xl:3},size:`small`,children:[(0,$.jsx)(U.Item,{label:t(`req.code`),children:h.code}),(0,$.jsxs)(U.Item,{label:t(`req.initiator`),children:[h.initiator?.displayName,` · `,_(h.initiatingDepartment)]}),(0,$.jsx)(U.Item,{label:t(`req.expectedBy`),children:h.expectedBy??`—`}),h.template&&(0,$.jsx)(U.Item,{label:t(`req.template`),children:_(h.template)}),x.map(e=>(0,$.jsx)(U.Item,{label:t(`req.${e}`),span:{xs:1,md:2,xl:3},children:(0,$.jsx)(T.Paragraph,{style:{whiteSpace:`pre-wrap`,margin:0},children:h[e]})},e)),h.customFields.filter(e=>!e.retired).map(e=>(0,$.jsx)(U.Item,{label:g&&e.labelEn?e.labelEn:e.label,children:zt(e,n)||`—`},e.key))]})}),(0,$.jsx)(l,{size:`small`,title:t(`req.departments`),children:(0,$.jsx)(W,{size:`small`,dataSource:h.involvedDepartments,renderItem:e=>(0,$.jsx)(W.Item,{children:(0,$.jsxs)(K,{wrap:!0,children:[(0,$.jsx)(T.Text,{strong:!0,children:_(e.department)}),e.isLead&&(0,$.jsx)(q,{children:t(`req.lead`)}),(0,$.jsx)(T.Text,{type:`secondary`,children:e.department.head?.displayName}),e.contribution&&(0,$.jsxs)(T.Text,{children:[t(`req.contribution`),`: `,e.contribution]})]})})})}),(0,$.jsx)(xe,{attachments:h.attachments,target:[`ARCHIVED`,`CANCELLED`].includes(h.status)?null:{requirementId:h.id},onUploaded:()=>void c()}),(0,$.jsx)(l,{size:`small`,title:t(`req.reviews`),"data-testid":`review-timeline`,children:h.reviewRounds.length===0?(0,$.jsx)(T.Text,{type:`secondary`,children:t(`common.none`)}):(0,$.jsx)(gt,{items:h.reviewRounds.flatMap(e=>[{color:e.outcome===`APPROVED`?`green`:e.outcome===`REJECTED`?`red`:`blue`,children:(0,$.jsxs)(T.Text,{strong:!0,children:[t(`req.round`,{n:e.number}),` · `,A(t,`status`,e.outcome),` ·`,` `,(0,Q.default)(e.openedAt).format(`YYYY-MM-DD HH:mm`)]})},...e.reviews.map(e=>({color:e.decision===`APPROVE`?`green`:`red`,children:(0,$.jsxs)(K,{direction:`vertical`,size:0,children:[(0,$.jsxs)(T.Text,{children:[_(e.department),` · `,e.signedBy?.displayName,e.onBehalfOf?` (${t(`req.onBehalfOf`,{name:e.onBehalfOf.displayName})})`:``,` ·`,` `,(0,$.jsx)(q,{color:e.decision===`APPROVE`?`success`:`error`,children:A(t,`decision`,e.decision)})]}),e.comment&&(0,$.jsx)(T.Text,{children:e.comment}),e.claimedTasks.length>0&&(0,$.jsxs)(T.Text,{children:[t(`review.claims`),`: `,e.claimedTasks.join(`；`)]}),(0,$.jsxs)(T.Text,{type:`secondary`,children:[(0,Q.default)(e.signedAt).format(`YYYY-MM-DD HH:mm`),` · `,t(`req.contentHash`),` `,(0,$.jsx)(`code`,{children:e.contentHash.slice(0,12)})]})]})}))])})}),(0,$.jsx)(Mt,{code:h.code}),h.tasks.length>0&&(0,$.jsx)(St,{requirementId:h.id}),(0,$.jsx)(yt,{requirementId:h.id,report:h.resultReport,canWrite:h.initiator?.id===i.id&&h.status===`IN_PROGRESS`&&h.tasks.length>0&&h.tasks.every(e=>e.status===`COMPLETED`),onWritten:()=>void c()}),(0,$.jsx)(l,{size:`small`,title:t(`req.tasks`),children:(0,$.jsx)(he,{size:`small`,rowKey:`id`,pagination:!1,scroll:{x:!0},locale:{emptyText:(0,$.jsx)(T.Text,{type:`secondary`,children:t(`common.none`)})},dataSource:h.tasks,columns:[{title:t(`task.title`),key:`title`,render:(e,t)=>(0,$.jsx)(te,{to:`/tasks/${t.code}`,children:`${t.code} ${t.title}`})},{title:t(`task.department`),key:`dept`,render:(e,t)=>_(t.executingDepartment)},{title:t(`task.assignee`),key:`assignee`,render:(e,t)=>t.assignee?.displayName},{title:t(`req.status`),key:`status`,render:(e,n)=>(0,$.jsxs)(K,{children:[(0,$.jsx)(ge,{status:n.status}),n.isOverdue&&(0,$.jsx)(q,{color:`red`,children:t(`task.overdue`)})]})},{title:t(`task.percent`),key:`progress`,render:(e,n)=>(0,$.jsx)(me,{percent:n.progress,size:`small`,style:{minWidth:100},"aria-label":`${n.code} ${t(`task.percent`)}`})},{title:t(`task.deadline`),key:`deadline`,render:(e,t)=>t.deadline?(0,Q.default)(t.deadline).format(`YYYY-MM-DD`):`—`}]})})]})}export{Vt as default};